"""Every page of the permission matrix, as the people who may open it see it (issue 11): the focus ring stands
out (3:1) on every focusable element, nothing overflows at 320 px nor at 200 % text, and no two pages share a
title. The pages come from the same walk as tests/e2e/test_every_page.py."""

from collections import defaultdict

import pytest

from tests.e2e.page_checks import focus_failures, reflow_failures, set_text_size
from tests.e2e.test_every_page import ROLES, _pages_for
from tests.security.world import build_world

pytestmark = pytest.mark.slow


def _walk(web, world, role):
    """Yield (key, url) for each HTML page ``role`` may open, with the page loaded at 1280 px."""
    web.sign_in_as(world.user(role))
    for key, url in _pages_for(role, world.values):
        response = web.page.request.get(web.base_url + url)
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        web.set_width(1280, 900)
        web.goto(url)
        yield key, url


def test_focus_ring_contrast_on_every_page(web):
    world = build_world()
    failures, measured = [], 0
    for role in ROLES:
        for key, url in _walk(web, world, role):
            checked, found = focus_failures(web.page)
            measured += checked
            failures += [f"{role} {url}: {line}" for line in found]
    assert measured > 500, f"only {measured} focusable elements measured"
    assert not failures, f"{len(failures)} focus indicators below 3:1:\n" + "\n".join(sorted(set(failures))[:80])


def test_nothing_overflows_at_320_px_nor_at_200_percent_text(web):
    world = build_world()
    failures, pages = [], 0
    for role in ROLES:
        for key, url in _walk(web, world, role):
            pages += 1
            set_text_size(web.page, 200)
            failures += [f"{role} {url} at 200 % text: {line}" for line in reflow_failures(web.page)]
            set_text_size(web.page, 100)
            web.set_width(320, 640)
            failures += [f"{role} {url} at 320 px: {line}" for line in reflow_failures(web.page)]
    assert pages > 40
    assert not failures, f"{len(failures)} overflows:\n" + "\n".join(failures)


LANDMARK_UNIQUE = """async () => (await axe.run(document, {runOnly: {type: 'rule', values: ['landmark-unique']}}))
    .violations.flatMap(v => v.nodes.map(n => n.target.join(' ')))"""


def test_no_two_pages_share_a_title_nor_two_landmarks_a_name(web):
    world = build_world()
    failures = []
    for role in ROLES:
        titles = defaultdict(set)
        for key, url in _walk(web, world, role):
            titles[web.page.title()].add(url.split("?")[0])  # a filtered list is the same page
            failures += [f"{role} {url}: landmark-unique at {node}" for node in web.page.evaluate(LANDMARK_UNIQUE)]
        failures += [f"{role}: {title!r} on {sorted(urls)}" for title, urls in titles.items() if len(urls) > 1]
    assert not failures, f"{len(failures)} titles shared by several pages, landmarks sharing a name:\n" + "\n".join(failures)
