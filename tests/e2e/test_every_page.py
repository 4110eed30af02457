"""Every page of the permission matrix (tests/security/matrix.py), opened in Chromium by the people who may
see it: axe-core (WCAG 2.1 A/AA) finds nothing, nothing loads from another origin, the page loads cleanly.

The journeys check the pages in the states they pass through; this sweeps every URL pattern the site has,
so a new staff page cannot go without an accessibility check. The Django admin's pages are left out (its
own templates; the staff pages test covers the ones the programme team uses).
"""

from tests.security.matrix import MATRIX
from tests.security.world import build_world

ROLES = ("applicant", "reviewer", "superuser")


SEEN = ("200", "200+secret")


def _pages_for(role, values):
    for key, cases in MATRIX.items():
        if key.startswith("admin:"):
            continue  # Django admin's own templates
        for case in cases:
            if case.GET[role] in SEEN:
                yield key, case.url.format(**values)


def test_every_page_a_person_may_open_passes_axe(web):
    # one world for every role (the data migrations' rows are there: tests/baseline.py puts them back after a flush)
    world = build_world()
    failures = []
    for role in ROLES:
        web.sign_in_as(world.user(role))
        checked = 0
        for key, url in _pages_for(role, world.values):
            response = web.page.request.get(web.base_url + url)
            if not response.headers.get("content-type", "").startswith("text/html"):
                continue  # files (PDF, CSV, zip, .ics) and JSON
            web.goto(url)
            try:
                web.check_page(f"{role} {key}")
            except AssertionError as error:
                failures.append(f"{role} {url} ({key}): {str(error).splitlines()[0]}")
            for findings in (web.csp_violations, web.page_errors, web.failed_responses):
                findings.clear()  # one page's findings are not the next one's
            checked += 1
        assert checked >= (5 if role == "applicant" else 10), f"only {checked} pages for {role}"
    assert not failures, "\n".join(failures)
