"""With ``CAMPUS_STAFF_REQUIRE_MFA`` on, no door opens staff-only data to staff without a second factor.

Walks the permission matrix (matrix.py): every cell where a staff role (lead, reviewer, manager, superuser)
gets something a plain signed-in person (the participant) does not is staff-only data or a staff action,
wherever its URL lives (``/staff/``, ``/staff/privacy/``, ``/apply/documents/``, the admin). None of the
world's staff has a second factor, so every such cell must send them to set one up. Everyone else gets exactly
what the matrix says (the applicant still downloads their own CV).
"""

import pytest

from .http import ask, mismatch
from .matrix import ADMIN_MODELS, MATRIX, STAFF, admin_expectation
from .urlwalk import admin_urls
from .world import ROLES

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SET_UP = "302→/accounts/2fa/totp/activate/"
ALWAYS_OPEN = {"admin:logout"}  # staff may always leave


@pytest.fixture
def mfa_required(settings):
    settings.CAMPUS_STAFF_REQUIRE_MFA = True


# The participant area answers staff who are not participants with a 403 page (less than the participant gets):
# it holds the participant's own data, never staff data.
PARTICIPANT_AREA = "/me/"


def _staff_only_cells(role):
    for key, cases in MATRIX.items():
        if key in ALWAYS_OPEN:
            continue
        for case in cases:
            if case.url.startswith(PARTICIPANT_AREA):
                continue
            for method in ("GET", "POST"):
                # the answers as written (before the world's values are put in): the same template gives the
                # same answer; two different ones count as a staff door here and must then lead to SET_UP
                expected = getattr(case, method)
                if expected[role] != expected["participant"]:
                    yield key, case, method


def test_the_walk_finds_the_staff_doors_outside_staff():
    found = {key for role in STAFF for key, case, _ in _staff_only_cells(role) if not case.url.startswith("/staff/")}
    assert {"apply:document"} <= found, found
    # the privacy team's pages live under /staff/ (the staff area's rule covers them)
    privacy = [case.url for key in ("staff_privacy:home", "staff_privacy:export", "staff_privacy:erasure")
               for case in MATRIX[key]]
    assert privacy and all(url.startswith("/staff/privacy/") for url in privacy)


@pytest.mark.parametrize("role", STAFF)
def test_staff_without_a_second_factor_get_no_staff_data_anywhere(role, world, clients, mfa_required):
    client = clients[role]
    failures, checked = [], 0
    for key, case, method in _staff_only_cells(role):
        url = case.url.format(**world.values)
        response, data = ask(client, method, url, case.data if method == "POST" else None)
        checked += 1
        problem = mismatch(SET_UP, response, data, url)
        if problem:
            failures.append(f"{role} {method} {url} ({key}): {problem}")
    for model, (pages, has_object) in admin_urls(world).items():
        for page, url in pages.items():
            if model in ADMIN_MODELS and admin_expectation(model, page, role, has_object=has_object) == \
                    admin_expectation(model, page, "participant", has_object=has_object):
                continue
            response, data = ask(client, "GET", url)
            checked += 1
            problem = mismatch(SET_UP, response, data, url)
            if problem:
                failures.append(f"{role} GET {url} (admin {model} {page}): {problem}")
    assert checked, "no staff-only cell for this role"
    assert not failures, f"{len(failures)} staff-only doors open without a second factor:\n" + "\n".join(failures)


@pytest.mark.parametrize("role", [r for r in ROLES if r not in STAFF])
def test_everyone_else_gets_what_the_matrix_says(role, world, clients, mfa_required):
    client = clients[role]
    failures = []
    for key, cases in MATRIX.items():
        for case in cases:
            url = case.url.format(**world.values)
            for method in ("GET", "POST"):
                if role == "anonymous" and key == "admin:login":
                    continue  # with the setting on, it hands over to the account sign-in (test_staff_mfa.py)
                response, data = ask(client, method, url, case.data if method == "POST" else None)
                problem = mismatch(case.expected(method, role, world.values), response, data, url)
                if problem:
                    failures.append(f"{role} {method} {url} ({key}): {problem}")
    assert not failures, "\n".join(failures)


def test_the_applicant_still_downloads_their_own_cv(world, clients, mfa_required):
    response, data = ask(clients["applicant"], "GET", f"/apply/documents/{world.values['document']}/")
    assert response.status_code == 200 and data.startswith(b"%PDF")


def test_staff_with_a_second_factor_download_the_cv(world, mfa_required):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from .conftest import client_for

    reviewer = world.user("reviewer")
    TOTP.activate(reviewer, generate_totp_secret())
    response, data = ask(client_for(world, "reviewer"), "GET", f"/apply/documents/{world.values['document']}/")
    assert response.status_code == 200 and data.startswith(b"%PDF")
