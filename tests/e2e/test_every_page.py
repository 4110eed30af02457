"""Every page of the permission matrix (tests/security/matrix.py), opened in Chromium by the people who may
see it: axe-core (WCAG 2.1 A/AA) finds nothing, nothing loads from another origin, the page loads cleanly.

The journeys check the pages in the states they pass through; this sweeps every URL pattern the site has,
so a new staff page cannot go without an accessibility check. The Django admin's pages are left out (its
own templates; the staff pages test covers the ones the programme team uses).
"""

from tests.security.matrix import MATRIX
from tests.security.world import build_world

ROLES = ("applicant", "reviewer", "superuser")


class _RegistryWithoutConfigs:
    """The app registry as the data migrations see it, minus the permission step (the flush made those rows)."""

    def get_app_configs(self):
        return []

    def get_model(self, *args):
        from django.apps import apps

        return apps.get_model(*args)


def _data_migrations_again():
    """Transactional tests empty every table after them, the rows of data migrations too: make the "Programme
    team" group again with the migrations' own functions (the world gives it to its manager)."""
    from importlib import import_module

    registry = _RegistryWithoutConfigs()
    import_module("campus.programme.migrations.0002_programme_team_group").create_group(registry, None)
    import_module("campus.applications.migrations.0002_programme_team_application_permissions").grant(registry, None)
SEEN = ("200", "200+secret")


def _pages_for(role, values):
    for key, cases in MATRIX.items():
        if key.startswith("admin:"):
            continue  # Django admin's own templates
        for case in cases:
            if case.GET[role] in SEEN:
                yield key, case.url.format(**values)


def test_every_page_a_person_may_open_passes_axe(web):
    # one world for every role (it needs the data migrations' rows, which a transactional test empties after it)
    _data_migrations_again()
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
