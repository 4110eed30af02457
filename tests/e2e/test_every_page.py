"""Every page of the permission matrix (tests/security/matrix.py), opened in Chromium by the people who may
see it, in one walk that checks each page once for everything every page must pass:

- axe-core (WCAG 2.1 A/AA) finds nothing, nothing loads from another origin, the page loads cleanly;
- the focus ring stands out (3:1) on every focusable element (WCAG 1.4.11);
- nothing overflows at 200 % text nor at 320 px (WCAG 1.4.4, 1.4.10);
- no two pages share a title, no two landmarks of a page share a name (issue 11).

The journeys check the pages in the states they pass through; this sweeps every URL pattern the site has,
so a new staff page cannot go without these checks. The Django admin's pages are left out (its own
templates; the staff pages test covers the ones the programme team uses). One walk for all the checks, not one
walk per check: each page is opened once (issue 10, a faster suite); every check still looks at every page,
and a failure of one check does not hide the others (each is reported with its pages).
"""

from collections import defaultdict

import pytest

from tests.e2e.page_checks import focus_failures, reflow_failures, set_text_size
from tests.security.matrix import MATRIX
from tests.security.world import build_world

pytestmark = pytest.mark.slow
ROLES = ("applicant", "reviewer", "superuser")
SEEN = ("200", "200+secret")
LANDMARK_UNIQUE = """async () => (await axe.run(document, {runOnly: {type: 'rule', values: ['landmark-unique']}}))
    .violations.flatMap(v => v.nodes.map(n => n.target.join(' ')))"""


def _pages_for(role, values):
    for key, cases in MATRIX.items():
        if key.startswith("admin:"):
            continue  # Django admin's own templates
        for case in cases:
            if case.GET[role] in SEEN:
                yield key, case.url.format(**values)


def _check(web, role, key, url, found, titles):
    """Every check on the page just opened at 1280 px; what fails goes to ``found[check]``."""
    try:
        web.check_page(f"{role} {key}")
    except AssertionError as error:
        found["axe, origin, clean load"].append(f"{role} {url} ({key}): {str(error).splitlines()[0]}")
    for findings in (web.csp_violations, web.page_errors, web.failed_responses):
        findings.clear()  # one page's findings are not the next one's
    titles[web.page.title()].add(url.split("?")[0])  # a filtered list is the same page
    found["landmarks sharing a name"] += [f"{role} {url}: {node}" for node in web.page.evaluate(LANDMARK_UNIQUE)]
    checked, failures = focus_failures(web.page)
    found["focus rings below 3:1"] += [f"{role} {url}: {line}" for line in failures]
    set_text_size(web.page, 200)
    found["overflows"] += [f"{role} {url} at 200 % text: {line}" for line in reflow_failures(web.page)]
    set_text_size(web.page, 100)
    web.set_width(320, 640)
    found["overflows"] += [f"{role} {url} at 320 px: {line}" for line in reflow_failures(web.page)]
    return checked


def test_every_page_a_person_may_open_passes_the_page_checks(web):
    # one world for every role (the data migrations' rows are there: tests/baseline.py puts them back after a flush)
    world = build_world()
    found, focusable, pages = defaultdict(list), 0, 0
    for role in ROLES:
        web.sign_in_as(world.user(role))
        titles, checked = defaultdict(set), 0
        for key, url in _pages_for(role, world.values):
            response = web.page.request.get(web.base_url + url)
            if not response.headers.get("content-type", "").startswith("text/html"):
                continue  # files (PDF, CSV, zip, .ics) and JSON
            web.set_width(1280, 900)
            web.goto(url)
            focusable += _check(web, role, key, url, found, titles)
            checked += 1
        assert checked >= (5 if role == "applicant" else 10), f"only {checked} pages for {role}"
        pages += checked
        found["titles shared by several pages"] += [
            f"{role}: {title!r} on {sorted(urls)}" for title, urls in titles.items() if len(urls) > 1]
    assert pages > 40 and focusable > 500, f"only {pages} pages and {focusable} focusable elements checked"
    assert not any(found.values()), "\n".join(
        f"{check} ({len(lines)}):\n  " + "\n  ".join(sorted(set(lines))[:80])
        for check, lines in found.items() if lines)
