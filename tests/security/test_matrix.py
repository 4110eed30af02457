"""The permission matrix (matrix.py) against the real site: every URL pattern, every role, GET and POST.

Besides the status of each cell, every response to someone who may not read the applicant's data
(anonymous, other, participant, lead) is searched for the applicant's secret marker and for the bytes of
their CV: in the HTML, the headers (file names), the text of PDFs and the files inside zips.
"""

from collections import defaultdict

import pytest
from django.contrib import admin

from .http import assert_strict_csp, describe, mismatch, visible
from .matrix import ADMIN_MODELS, ADMIN_PAGES, MATRIX, admin_expectation
from .urlwalk import admin_model_of, admin_prefix, all_patterns
from .world import ROLES, SECRET, SECRET_READERS, pdf

pytestmark = pytest.mark.django_db

HOW_TO = "Add it to tests/security/matrix.py with the answer of every role (see the notes at the top of that file)."


def _patterns_by_key():
    prefix = admin_prefix()
    plain, admin_models = defaultdict(list), defaultdict(list)
    for pattern in all_patterns():
        model = admin_model_of(pattern, prefix)
        if model is not None:
            admin_models[model].append(pattern)
        else:
            plain[pattern.key].append(pattern)
    return plain, admin_models


def test_every_url_pattern_is_in_the_matrix():
    plain, admin_models = _patterns_by_key()
    problems = []
    for key, patterns in plain.items():
        if key not in MATRIX:
            for pattern in patterns:
                problems.append(f"URL pattern {pattern.route!r} (name {pattern.name or '-'}, view {pattern.view}) "
                                f"is not in the permission matrix. {HOW_TO}")
    for model, patterns in admin_models.items():
        if model not in ADMIN_MODELS:
            names = ", ".join(p.name or p.route for p in patterns)
            problems.append(f"Django admin model {model} ({names}) is not in ADMIN_MODELS of tests/security/matrix.py: "
                            "say what the manager and the superuser may do with it.")
    for key in MATRIX:
        if key not in plain:
            problems.append(f"The matrix has an entry {key!r} that matches no URL pattern any more: "
                            "remove or rename it.")
    registered = {model._meta.label_lower for model in admin.site._registry}
    for model in ADMIN_MODELS:
        if model not in registered:
            problems.append(f"ADMIN_MODELS has {model!r}, which is not registered in the admin any more.")
    assert not problems, "\n".join(problems)


FILE_TYPES = ("application/pdf", "application/zip", "text/csv", "application/vnd.openxmlformats",
              "application/vnd.oasis")


def _header_problems(response, camera: bool = False) -> list[str]:
    """Pages carry the strict CSP and the other security headers; files are private, inert attachments. A page
    whose case says ``camera`` (a QR scanner) may use the camera of our own origin, and no other."""
    problems = []
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        try:
            assert_strict_csp(response.get("Content-Security-Policy", ""))
        except AssertionError as error:
            problems.append(f"CSP: {error}")
        expected = {"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}
        for header, value in expected.items():
            if response.get(header) != value:
                problems.append(f"header {header} is {response.get(header)!r}, expected {value!r}")
        if ("camera=(self)" if camera else "camera=()") not in response.get("Permissions-Policy", "").split(", "):
            problems.append("no Permissions-Policy")
    elif content_type.startswith(FILE_TYPES):
        if not response.get("Content-Disposition", "").startswith("attachment"):
            problems.append(f"{content_type} is not served as an attachment")
        if response.get("X-Content-Type-Options") != "nosniff":
            problems.append(f"{content_type} without nosniff")
        if "no-store" not in response.get("Cache-Control", ""):
            problems.append(f"{content_type} may be stored by caches (Cache-Control {response.get('Cache-Control')!r})")
    return problems


def _leaks(role, response, data, owner_files) -> list[str]:
    if role in SECRET_READERS:
        return []
    found = []
    if SECRET in visible(response, data):
        found.append(f"the applicant's secret marker {SECRET!r} is in the response")
    for name, content in owner_files.items():
        if content in data:
            found.append(f"the bytes of the applicant's {name} are in the response")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_the_matrix(role, world, walks):
    owner_files = {"CV": pdf(f"CV {SECRET}"), "letter": pdf(f"Letter {SECRET}")}
    failures = []
    for cell in walks(role).cells:  # every URL of MATRIX, GET and POST, asked as the role (walk.py)
        expected = cell.case.expected(cell.method, role, world.values)  # "302→/…/{id}/"
        response, data, url = cell.answer, cell.data, cell.url
        where = f"{role:11} {cell.method:4} {url} ({cell.key})"
        problem = mismatch(expected, response, data, url)
        if problem:
            failures.append(f"{where}: {problem}")
        for leak in _leaks(role, response, data, owner_files):
            failures.append(f"{where}: LEAK: {leak} ({describe(response)})")
        for problem in _header_problems(response, camera=cell.case.camera and response.status_code == 200):
            failures.append(f"{where}: {problem}")
    assert not failures, f"{len(failures)} cells differ from tests/security/matrix.py:\n" + "\n".join(failures)


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_admin_model_pages(role, world, walks):
    """Django admin's own pages of each model (the family behind admin:<app>_<model>_*), GET."""
    failures = []
    for admin_page in walks(role).admin:  # every page of every model registered in the admin (walk.py)
        model, page, url = admin_page.model, admin_page.page, admin_page.url
        if model not in ADMIN_MODELS:
            continue  # test_every_url_pattern_is_in_the_matrix names it
        if page not in ADMIN_PAGES:
            continue
        expected = admin_expectation(model, page, role, has_object=admin_page.has_object)
        response, data = admin_page.answer, admin_page.data
        problem = mismatch(expected, response, data, url)
        if problem:
            failures.append(f"{role:11} GET  {url} (admin {model} {page}): {problem}")
        for leak in _leaks(role, response, data, {}):
            failures.append(f"{role:11} GET  {url}: LEAK: {leak}")
        for problem in _header_problems(response):
            failures.append(f"{role:11} GET  {url}: {problem}")
    assert not failures, f"{len(failures)} admin pages differ from ADMIN_MODELS in tests/security/matrix.py:\n" + \
        "\n".join(failures)
