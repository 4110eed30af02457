"""CAMPUS_STAFF_REQUIRE_MFA: staff without an authenticator app are sent to set one up before /staff/."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.test import override_settings

MIDDLEWARE_PATH = "campus.accounts.middleware.StaffMFAMiddleware"
ACTIVATE = "/accounts/2fa/totp/activate/"


def _middleware_with_mfa() -> list[str]:
    """settings.MIDDLEWARE with ours right after allauth's AccountMiddleware (whether or not it is there yet)."""
    middleware = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE_PATH]
    middleware.insert(middleware.index("allauth.account.middleware.AccountMiddleware") + 1, MIDDLEWARE_PATH)
    return middleware


def require_mfa(on: bool = True):
    return override_settings(CAMPUS_STAFF_REQUIRE_MFA=on, MIDDLEWARE=_middleware_with_mfa())


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(email="team@example.org", password="x-staff-password-1", is_staff=True)


@pytest.fixture
def staff_with_totp(staff):
    TOTP.activate(staff, generate_totp_secret())
    return staff


def test_staff_without_totp_are_sent_to_set_it_up_with_a_message(client, staff):
    client.force_login(staff)
    with require_mfa():
        response = client.get("/staff/content/programme/module/")
        assert response.status_code == 302
        assert response["Location"] == ACTIVATE
        # force_login is not an allauth sign-in, so allauth first asks for the password again; the
        # message is on whichever account page comes first.
        page = client.get(ACTIVATE, follow=True)
    text = page.content.decode()
    assert "The staff area needs two-factor authentication." in text
    assert 'class="alert alert--warning"' in text


def test_every_staff_path_is_guarded(client, staff):
    client.force_login(staff)
    with require_mfa():
        for path in ["/staff/", "/staff/content/", "/staff/content/accounts/user/"]:
            assert client.get(path)["Location"] == ACTIVATE, path
        assert client.post("/staff/content/programme/module/add/", {})["Location"] == ACTIVATE


def test_staff_with_totp_get_in(client, staff_with_totp):
    assert Authenticator.objects.filter(user=staff_with_totp, type=Authenticator.Type.TOTP).exists()
    client.force_login(staff_with_totp)
    with require_mfa():
        assert client.get("/staff/content/").status_code == 200


def test_without_the_setting_staff_without_totp_get_in(client, staff):
    client.force_login(staff)
    with require_mfa(on=False):
        assert client.get("/staff/content/").status_code == 200


def test_pages_outside_staff_and_non_staff_users_are_not_affected(client, staff, django_user_model):
    client.force_login(staff)
    with require_mfa():
        assert client.get("/accounts/2fa/").status_code == 200
        assert client.get("/accounts/password/change/").status_code == 200
    applicant = django_user_model.objects.create_user(email="applicant@example.org", password="x-applicant-pw-1")
    client.force_login(applicant)
    with require_mfa():
        response = client.get("/staff/content/")
        # The admin itself turns a non-staff user away to its sign-in page; we do not send them to set up TOTP.
        assert response.status_code == 302
        assert not response["Location"].startswith(ACTIVATE)


def test_staff_can_always_sign_out_of_the_staff_area(client, staff):
    client.force_login(staff)
    with require_mfa():
        response = client.post("/staff/content/logout/")
    assert response.status_code in (200, 302)
    assert response.get("Location", "") != ACTIVATE
    assert "_auth_user_id" not in client.session


def test_the_password_only_staff_sign_in_hands_over_to_the_account_sign_in(client, db):
    with require_mfa():
        response = client.get("/staff/content/login/?next=/staff/content/programme/")
        assert response.status_code == 302
        assert response["Location"] == "/accounts/login/?next=%2Fstaff%2Fcontent%2Fprogramme%2F"
        # Never to another site.
        response = client.get("/staff/content/login/?next=https://evil.example/")
        assert response["Location"] == "/accounts/login/?next=%2Fstaff%2F"
    with require_mfa(on=False):  # one sign-in for everyone: the account's, where allauth asks for the code
        response = client.get("/staff/content/login/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_staff_sign_in_with_totp_asks_for_the_code_then_opens_the_staff_area(client, staff):
    """The whole door: account sign-in, second step with a TOTP code, then the staff area."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    EmailAddress.objects.create(user=staff, email=staff.email, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    with require_mfa():
        response = client.post(
            "/accounts/login/?next=/staff/content/", {"login": staff.email, "password": "x-staff-password-1"}
        )
        assert response["Location"].startswith("/accounts/2fa/authenticate/")
        page = client.get(response["Location"])
        assert "Two-factor authentication" in page.content.decode()
        bad = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
        assert "Incorrect code." in bad.content.decode()
        code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
        response = client.post("/accounts/2fa/authenticate/", {"code": code})
        assert response["Location"] == "/staff/content/"
        assert client.get("/staff/content/").status_code == 200


def test_the_setting_without_the_middleware_is_refused_at_start():
    from campus.accounts.mfa import check_middleware

    with override_settings(CAMPUS_STAFF_REQUIRE_MFA=True,
                           MIDDLEWARE=[m for m in settings.MIDDLEWARE if m != MIDDLEWARE_PATH]):
        assert [error.id for error in check_middleware()] == ["campus.E001"]
    with require_mfa():
        assert check_middleware() == []
