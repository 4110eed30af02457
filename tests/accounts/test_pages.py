"""Every account page renders in the site's layout, with markup the strict CSP allows.

The browser test (tests/e2e/test_accounts.py) runs axe-core on these pages; here we pin what can be
read from the HTML: our layout, no inline script or style, labelled fields, and the TOTP QR code as a
``data:`` image (the CSP allows ``img-src 'self' data:``).
"""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.test import Client

from .conftest import PASSWORD

ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/not-a-key/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/1-not-a-key/",
    "/accounts/password/reset/key/done/",
]
SIGNED_IN_PAGES = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/logout/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/reauthenticate/",
    "/accounts/reauthenticate/code/",
]


def assert_csp_clean(html: str, where: str):
    """Nothing a strict CSP (script-src 'self'; style-src 'self') would block, nothing from elsewhere."""
    assert not re.search(r"\sstyle\s*=", html, re.I), f"inline style attribute on {where}"
    assert not re.search(r"<style[\s>]", html, re.I), f"inline <style> on {where}"
    for script in re.findall(r"<script\b[^>]*>", html, re.I):
        assert "src=" in script or 'type="application/json"' in script, f"inline script on {where}: {script}"
    assert not re.search(r"\son[a-z]+\s*=", html, re.I), f"inline event handler on {where}"
    for url in re.findall(r'(?:src|href)="(https?:)?//', html):
        pytest.fail(f"a resource from another origin on {where}")


def assert_in_site_layout(html: str, where: str):
    assert 'class="site-header"' in html and 'class="site-footer"' in html, f"{where} is not in base.html"
    assert "campus/site.css" in html
    assert html.count("<h1") == 1, f"{where} should have exactly one h1"
    assert re.search(r"<title>[^<]*\S[^<]*</title>", html), f"{where} has no title"


def assert_inputs_labelled(html: str, where: str):
    for tag in re.findall(r"<input\b[^>]*>", html):
        if 'type="hidden"' in tag:
            continue
        input_id = re.search(r'id="([^"]+)"', tag)
        assert input_id, f"input without id on {where}: {tag}"
        assert f'for="{input_id.group(1)}"' in html, f"input without a label on {where}: {tag}"
        assert "placeholder=" not in tag, f"placeholder repeating the label on {where}: {tag}"


@pytest.fixture
def signed_in(client, verified_user):
    """Signed in through allauth's form, and just re-authenticated (as setting up TOTP asks for)."""
    client.post("/accounts/login/", {"login": verified_user.email, "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(verified_user.pk)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    return client


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_anonymous_account_pages(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    assert_in_site_layout(html, path)
    assert_csp_clean(html, path)
    assert_inputs_labelled(html, path)


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_signed_in_account_pages(signed_in, seeded, path):
    response = signed_in.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    assert_in_site_layout(html, path)
    assert_csp_clean(html, path)
    assert_inputs_labelled(html, path)
    if path.startswith("/accounts/reauthenticate/"):
        assert "Confirm it is you" in html
    elif path != "/accounts/logout/":
        assert 'aria-label="Account settings"' in html


def test_pages_work_without_any_programme_loaded(client, unseeded):
    for path in ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]:
        html = client.get(path).content.decode()
        assert "Cluster Campus" in html


def test_error_alert_and_field_errors_on_the_sign_in_form(client, seeded):
    html = client.post("/accounts/login/", {"login": "", "password": ""}).content.decode()
    assert_csp_clean(html, "sign-in with errors")
    assert re.search(r'<div class="error-summary" role="alert"[^>]*>\s*<h2[^>]*>There is a problem</h2>', html)
    assert '<a href="#id_login">' in html and '<a href="#id_password">' in html
    for name in ("login", "password"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in tag
        assert f'aria-describedby="id_{name}-error"' in tag
        assert f'id="id_{name}-error"' in html


def test_totp_activation_shows_a_data_qr_code_and_the_key_and_activates(signed_in, verified_user):
    page = signed_in.get("/accounts/2fa/totp/activate/")
    html = page.content.decode()
    img = re.search(r'<img class="totp-qr" src="([^"]+)" alt="([^"]+)"', html)
    assert img, "no QR code image"
    assert img.group(1).startswith("data:image/svg+xml;base64,"), "the QR code must be a data: image (CSP img-src)"
    assert "QR code" in img.group(2)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7]+)</code>', html).group(1)

    wrong = signed_in.post("/accounts/2fa/totp/activate/", {"code": "123456"})
    assert "Incorrect code." in wrong.content.decode()
    assert 'aria-invalid="true"' in wrong.content.decode()

    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = signed_in.post("/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=verified_user, type=Authenticator.Type.TOTP).exists()
    # Recovery codes are made with it and shown next.
    codes_page = signed_in.get(response["Location"])
    codes_html = codes_page.content.decode()
    assert_csp_clean(codes_html, "recovery codes")
    assert len(re.findall(r"<li><code>\w+</code></li>", codes_html)) == 10
    index = signed_in.get("/accounts/2fa/").content.decode()
    assert "Turn off" in index and "10 of 10" in index
    for path in ["/accounts/2fa/totp/deactivate/", "/accounts/2fa/recovery-codes/generate/"]:
        html = signed_in.get(path).content.decode()
        assert_csp_clean(html, path)
        assert_inputs_labelled(html, path)


def test_a_totp_user_signs_in_with_the_second_step_page(verified_user):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(verified_user, secret)
    client = Client()
    response = client.post("/accounts/login/", {"login": verified_user.email, "password": PASSWORD})
    html = client.get(response["Location"]).content.decode()
    assert_in_site_layout(html, "mfa authenticate")
    assert_csp_clean(html, "mfa authenticate")
    assert_inputs_labelled(html, "mfa authenticate")
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(verified_user.pk)


def test_reauthentication_page_when_allauth_did_not_sign_the_user_in(client, verified_user):
    client.force_login(verified_user)
    response = client.get("/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    html = client.get(response["Location"]).content.decode()
    assert "Confirm it is you" in html
    assert_csp_clean(html, "reauthenticate")
    assert_inputs_labelled(html, "reauthenticate")
    bad = client.post(response["Location"], {"password": "nope"}).content.decode()
    assert "That password is not correct." in bad
    ok = client.post(response["Location"], {"password": PASSWORD})
    assert ok["Location"] == "/accounts/2fa/totp/activate/"


def test_email_management_adds_an_address_with_a_queued_confirmation(
    signed_in, verified_user, run_tasks, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post("/accounts/email/", {"action_add": "", "email": "aino.work@example.org"}, follow=True)
    html = response.content.decode()
    assert "aino.work@example.org" in html and "Not confirmed" in html
    assert_csp_clean(html, "email management")
    assert run_tasks() == 1
    assert mail.outbox[0].to == ["aino.work@example.org"]
    bad = signed_in.post("/accounts/email/", {"action_add": "", "email": "not-an-address"}).content.decode()
    assert 'id="id_email-error"' in bad
    assert 'value="not-an-address"' in bad


def test_reauthentication_by_emailed_code(client, verified_user, run_tasks, django_capture_on_commit_callbacks):
    from django.core import mail

    client.force_login(verified_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/reauthenticate/code/?next=/accounts/2fa/totp/activate/", {"recipient": verified_user.email}
        )
    assert response.status_code == 302
    page = client.get(response["Location"])
    html = page.content.decode()
    assert_in_site_layout(html, "confirm code")
    assert_csp_clean(html, "confirm code")
    assert_inputs_labelled(html, "confirm code")
    assert "We have sent a code to" in html
    assert run_tasks() == 1
    assert mail.outbox[0].to == [verified_user.email]
