"""Accounts in a real browser: sign up, the confirmation mail through the task queue, confirm, signed in.

Every page visited passes axe-core (WCAG 2.1 A/AA) at desktop width and at 375 px, loads nothing from
another origin, and has nothing blocked by the Content-Security-Policy (the TOTP QR code is a data: image).
The live server runs in another thread of this process: account mail it queues is a DBTaskResult row,
run here with the worker's code path (``run_tasks``), and lands in ``django.core.mail.outbox``.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

EMAIL = "liisa.korhonen@example.org"
PASSWORD = "birch-fjord-lantern-58"
LINK = re.compile(r"https?://[^/\s]+(/accounts/\S+)")


def check_page(web, label: str):
    """The checks every account page must pass, at desktop width and at 375 px."""
    web.check_clean_load()
    web.check_same_origin()
    web.set_width(1280, 900)
    web.check_axe(label=f"({label}, desktop)")
    web.set_width(375)
    web.check_narrow()
    web.check_axe(label=f"({label}, 375 px)")
    web.set_width(1280, 900)


def submit(page, name: str):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def mail_link(message) -> str:
    links = LINK.findall(message.body)
    assert len(links) == 1, message.body
    return links[0]


def sign_up_and_confirm(web, run_tasks):
    page = web.page
    web.goto("/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    check_page(web, "sign up")

    # A mistake first: the passwords differ. The error sits at the field, the names and the email are kept.
    page.get_by_label("Given name").fill("Aino")
    page.get_by_label("Family name").fill("Virtanen")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD + "!")
    submit(page, "Create account")
    again = page.get_by_label("Type the password again")
    expect(again).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_password2-error")).to_have_text("You must type the same password each time.")
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_label("Email address")).to_have_value(EMAIL)
    expect(page.get_by_label("Given name")).to_have_value("Aino")
    expect(page.get_by_label("Family name")).to_have_value("Virtanen")
    check_page(web, "sign up with an error")

    page.get_by_label("Choose a password").fill(PASSWORD)
    again.fill(PASSWORD)
    submit(page, "Create account")
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email address")
    expect(page.get_by_role("status").first).to_contain_text(f"We have sent a confirmation link to {EMAIL}")
    check_page(web, "verification sent")

    # The request only queued the mail; the worker sends it.
    assert mail.outbox == []
    assert run_tasks() == 1
    assert [m.to for m in mail.outbox] == [[EMAIL]]
    link = mail_link(mail.outbox[0])

    web.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email address")
    expect(page.locator("main")).to_contain_text(EMAIL)
    check_page(web, "confirm email")
    submit(page, "Confirm my email address")
    return link


def test_sign_up_confirm_by_mail_and_land_signed_in(web, run_tasks):
    from allauth.account.models import EmailAddress

    page = web.page
    sign_up_and_confirm(web, run_tasks)
    expect(page).to_have_url(re.compile(r"/apply/$"))
    expect(page.locator("main")).to_contain_text(f"Thank you: {EMAIL} is confirmed.")
    assert EmailAddress.objects.get(email=EMAIL).verified
    check_page(web, "application start, signed in")

    # Signed in: the account pages open without asking, and show the address.
    web.goto("/accounts/email/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Email addresses")
    expect(page.locator("main")).to_contain_text(EMAIL)
    expect(page.locator("main")).to_contain_text("Confirmed")
    check_page(web, "email addresses")

    # The name typed at sign-up is on the account's name page, and can be changed there (by keyboard).
    web.goto("/accounts/name/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your name")
    expect(page.get_by_label("Given name")).to_have_value("Aino")
    expect(page.get_by_label("Family name")).to_have_value("Virtanen")
    check_page(web, "your name")
    page.get_by_label("Given name").fill("")
    submit(page, "Save name")
    expect(page.locator("#id_given_name-error")).to_contain_text("Please type your given name")
    expect(page.get_by_label("Family name")).to_have_value("Virtanen")
    check_page(web, "your name with an error")
    page.get_by_label("Given name").fill("Aino Maria")
    page.get_by_label("Given name").press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("Your name is saved.")
    from django.contrib.auth import get_user_model
    assert get_user_model().objects.get(email=EMAIL).full_name == "Aino Maria Virtanen"

    web.goto("/accounts/password/change/")
    check_page(web, "change password")

    # Sign out, then sign in again: a wrong password first.
    web.goto("/accounts/logout/")
    check_page(web, "sign out")
    submit(page, "Sign out")
    web.goto("/accounts/login/")
    check_page(web, "sign in")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password").fill("not-my-password")
    submit(page, "Sign in")
    expect(page.get_by_role("alert")).to_contain_text("The email address or the password is not correct.")
    expect(page.get_by_label("Email address")).to_have_value(EMAIL)
    check_page(web, "sign in with an error")
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Sign in")
    expect(page).to_have_url(re.compile(r"/apply/$"))


def test_signing_in_before_confirming_says_why(web, run_tasks):
    page = web.page
    web.goto("/accounts/signup/")
    page.get_by_label("Given name").fill("Aino")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    submit(page, "Create account")
    web.context.clear_cookies()  # another day, another browser session

    web.goto("/accounts/login/")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Sign in")
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/\?reason=unverified$"))
    expect(page.get_by_role("alert")).to_contain_text("You cannot sign in yet: your email address is not confirmed")
    check_page(web, "sign in before confirming")


def test_password_reset_pages(web, run_tasks, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email=EMAIL, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    page = web.page
    web.goto("/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    check_page(web, "password reset")
    page.get_by_label("Email address").fill(EMAIL)
    submit(page, "Send me a reset link")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    check_page(web, "password reset sent")

    assert run_tasks() == 1
    web.goto(mail_link(mail.outbox[0]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    check_page(web, "new password")
    page.get_by_label(re.compile(r"^New password")).fill("short")
    page.get_by_label("Type the new password again").fill("short")
    submit(page, "Save new password")
    expect(page.locator("#id_password1-error")).to_contain_text("too short")
    check_page(web, "new password with an error")
    page.get_by_label(re.compile(r"^New password")).fill("tern-skerry-compass-77")
    page.get_by_label("Type the new password again").fill("tern-skerry-compass-77")
    submit(page, "Save new password")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password is changed")
    check_page(web, "password changed")


@pytest.fixture
def signed_in_web(web, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email=EMAIL, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    web.goto("/accounts/login/")
    web.page.get_by_label("Email address").fill(EMAIL)
    web.page.get_by_label("Password").fill(PASSWORD)
    submit(web.page, "Sign in")
    web.user = user
    return web


def test_setting_up_an_authenticator_app(signed_in_web):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    web = signed_in_web
    page = web.page
    web.goto("/accounts/2fa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-factor authentication")
    check_page(web, "two-factor overview")

    page.get_by_role("link", name="Set up an authenticator app").click()
    # allauth asks for the password again before a new second factor is added.
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm it is you")
    check_page(web, "re-authenticate")
    page.get_by_label("Your password").fill(PASSWORD)
    submit(page, "Confirm")

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    qr = page.get_by_role("img", name=re.compile("QR code"))
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0"), "the QR code did not load"
    check_page(web, "activate TOTP")  # includes: nothing blocked by the CSP

    page.get_by_label("6-digit code from the app").fill("000000")
    submit(page, "Turn on two-factor authentication")
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#id_code-error")).to_have_text("Incorrect code.")
    check_page(web, "activate TOTP with an error")

    secret = page.locator("#totp-secret").inner_text().strip()
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    page.get_by_label("6-digit code from the app").fill(code)
    submit(page, "Turn on two-factor authentication")
    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery codes")
    assert Authenticator.objects.filter(user=web.user, type=Authenticator.Type.TOTP).exists()
    check_page(web, "recovery codes")

    web.goto("/accounts/2fa/")
    expect(page.locator("main")).to_contain_text("Signing in asks for a code")
    check_page(web, "two-factor overview, on")

    # The pages behind it: turning it off, new recovery codes.
    for path, label in [
        ("/accounts/2fa/totp/deactivate/", "deactivate TOTP"),
        ("/accounts/2fa/recovery-codes/generate/", "generate recovery codes"),
    ]:
        web.goto(path)
        check_page(web, label)

    # Next sign-in asks for the second step; a recovery code will do.
    web.goto("/accounts/2fa/recovery-codes/")
    recovery_code = page.locator(".recovery-codes code").first.inner_text().strip()
    web.goto("/accounts/logout/")
    submit(page, "Sign out")
    web.goto("/accounts/login/")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Sign in")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    check_page(web, "second step")
    page.get_by_label("Code").fill("000000")
    submit(page, "Sign in")
    expect(page.locator("#id_code-error")).to_have_text("Incorrect code.")
    check_page(web, "second step with an error")
    page.get_by_label("Code").fill(recovery_code)
    submit(page, "Sign in")
    expect(page).to_have_url(re.compile(r"/apply/$"))


def test_dead_ends_explain_themselves(web):
    """Expired or invalid links, and the pages at the end of a flow."""
    page = web.page
    for path, heading in [
        ("/accounts/confirm-email/not-a-real-key/", "Confirm your email address"),
        ("/accounts/password/reset/key/1-not-a-real-key/", "This link is not valid"),
        ("/accounts/password/reset/key/done/", "Your password is changed"),
    ]:
        web.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        check_page(web, path)


def test_re_authentication_by_an_emailed_code(signed_in_web, run_tasks):
    web = signed_in_web
    page = web.page
    web.goto("/accounts/2fa/totp/activate/")
    page.get_by_role("link", name="Send me a sign-in code").click()
    check_page(web, "request a code")
    submit(page, "Send me a code")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the code")
    check_page(web, "enter the code")
    assert run_tasks() == 1
    code = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", mail.outbox[-1].body, re.M).group(1)
    page.get_by_label("Code").fill(code)
    submit(page, "Confirm")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
