"""Signing in: the failed-sign-in lockout, the password rules, session fixation, staff's second factor.

Elsewhere already (not repeated here): the lockout message on the same browser
(tests/accounts/test_flows.py::test_repeated_failed_sign_ins_are_refused_with_a_clear_message), the staff
MFA middleware's own behaviour (tests/accounts/test_staff_mfa.py), TOTP sign-in (tests/accounts/test_pages.py).
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from .matrix import ADMIN_MODELS, MATRIX
from .urlwalk import admin_urls
from .world import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed attempts"


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


# --- lockout ----------------------------------------------------------------------------------------------


def test_the_lockout_holds_for_the_address_from_any_browser(world):
    """allauth's login_failed limit (5 per address per 5 minutes) is kept per address, not per session:
    a fresh browser (a new session, as an attacker would use) is refused too, even with the right password."""
    email = world.user("participant").email
    for attempt in range(5):
        response = Client().post("/accounts/login/", {"login": email, "password": f"guess-{attempt}"})
        assert response.status_code == 200 and LOCKED not in _text(response)
    fresh = Client()
    response = fresh.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert LOCKED in _text(response)
    assert "Please wait a few minutes and try again, or reset your password." in _text(response)
    assert "_auth_user_id" not in fresh.session
    # another address is not locked by it
    other = Client()
    assert other.post("/accounts/login/", {"login": world.user("other").email, "password": PASSWORD}).status_code == 302


def test_the_lockout_covers_many_addresses_from_one_address(world):
    """...and per client IP (10 a minute): guessing across many accounts from one machine is stopped too."""
    for attempt in range(10):
        response = Client().post("/accounts/login/", {"login": f"nobody{attempt}@example.org", "password": "x" * 12})
        assert LOCKED not in _text(response)
    response = Client().post("/accounts/login/", {"login": world.user("other").email, "password": PASSWORD})
    assert response.status_code != 302
    assert LOCKED in _text(response)


# --- password rules ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password, message",
    [
        ("Ab3$xyz", "This password is too short. It must contain at least 10 characters."),
        ("password123", "This password is too common."),
        ("qwertyuiop", "This password is too common."),
        ("80417296538104", "This password is entirely numeric."),
        ("mirja.virtanen@example.org", "The password is too similar to the email address."),
    ],
    ids=["short", "common", "common-keyboard", "numeric", "like-the-address"],
)
def test_weak_passwords_are_refused_at_sign_up(client, world, password, message):
    response = client.post("/accounts/signup/", {"email": "mirja.virtanen@example.org", "password1": password,
                                                 "password2": password, "given_name": "Mirja"})
    assert response.status_code == 200
    assert message in _text(response).replace("&#x27;", "'")
    assert not get_user_model().objects.filter(email="mirja.virtanen@example.org").exists()


def test_weak_passwords_are_refused_when_changing_it(world):
    client = Client()
    client.force_login(world.user("participant"))
    response = client.post("/accounts/password/change/",
                           {"oldpassword": PASSWORD, "password1": "1234567890", "password2": "1234567890"})
    assert response.status_code == 200
    assert "This password is too common." in _text(response) or "entirely numeric" in _text(response)
    user = get_user_model().objects.get(pk=world.user("participant").pk)
    assert user.check_password(PASSWORD)


def test_a_good_password_is_accepted(client, world):
    response = client.post("/accounts/signup/", {"email": "mirja.virtanen@example.org",
                                                 "password1": "kelp harbour lantern 42",
                                                 "password2": "kelp harbour lantern 42",
                                                 "given_name": "Mirja", "family_name": "Virtanen"})
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="mirja.virtanen@example.org").exists()


# --- sessions ---------------------------------------------------------------------------------------------


def test_the_session_key_changes_at_sign_in_and_the_old_one_is_worthless(world):
    """Session fixation: a session an attacker planted before the sign-in must not become signed in."""
    client = Client()
    planted = client.session  # an anonymous session, with its cookie set on the client
    planted["planted"] = True
    planted.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert before == planted.session_key

    response = client.post("/accounts/login/", {"login": world.user("applicant").email, "password": PASSWORD})
    assert response.status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert client.get("/apply/status/").status_code == 200

    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = before
    response = attacker.get("/apply/status/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_signing_out_ends_the_session_on_the_server(world):
    client = Client()
    signed_in = client.post("/accounts/login/", {"login": world.user("applicant").email, "password": PASSWORD})
    assert signed_in.status_code == 302
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.post("/accounts/logout/").status_code == 302
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = key  # a copy of the cookie taken before signing out
    assert replay.get("/apply/status/").status_code == 302


# --- staff need a second factor -----------------------------------------------------------------------------

ACTIVATE = "/accounts/2fa/totp/activate/"


def _staff_urls(world):
    for key, cases in MATRIX.items():
        for case in cases:
            url = case.url.format(**world.values)
            if url.startswith("/staff/"):
                yield key, url
    for model, (pages, _) in admin_urls(world).items():
        if model in ADMIN_MODELS:
            for page, url in pages.items():
                yield f"admin {model} {page}", url


@pytest.mark.parametrize("role", ["lead", "reviewer", "manager", "superuser"])
def test_with_mfa_required_every_staff_url_asks_staff_for_a_second_factor_first(world, role):
    """CAMPUS_STAFF_REQUIRE_MFA=1 (its middleware: tests/accounts/test_staff_mfa.py) over every staff URL."""
    client = Client()
    client.force_login(world.user(role))
    failures = []
    with override_settings(CAMPUS_STAFF_REQUIRE_MFA=True):
        for key, url in _staff_urls(world):
            response = client.get(url)
            if key == "admin:logout":
                continue  # always let them leave
            if response.status_code != 302 or response["Location"] != ACTIVATE:
                failures.append(f"{role} GET {url} ({key}): {response.status_code} {response.get('Location', '')}")
    assert not failures, "\n".join(failures)


def test_the_staff_middleware_is_installed():
    assert "campus.accounts.middleware.StaffMFAMiddleware" in settings.MIDDLEWARE


# --- no open redirects ------------------------------------------------------------------------------------------

EVIL = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example", "\\\\evil.example"]


@pytest.mark.parametrize("target", EVIL)
def test_sign_in_never_sends_people_to_another_site(world, target):
    client = Client()
    response = client.post(f"/accounts/login/?next={target}", {"login": world.user("applicant").email,
                                                              "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/apply/"


@pytest.mark.parametrize("target", EVIL)
def test_signing_out_and_the_staff_sign_in_never_send_people_to_another_site(world, target):
    client = Client()
    client.force_login(world.user("applicant"))
    response = client.post("/accounts/logout/", {"next": target})
    assert response.status_code == 302 and response["Location"] == "/"
    with override_settings(CAMPUS_STAFF_REQUIRE_MFA=True):
        response = Client().get("/staff/content/login/", {"next": target})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"].split("?")[0]
    assert response["Location"] == "/accounts/login/?next=%2Fstaff%2F"
