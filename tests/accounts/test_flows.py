"""Accounts end to end through Django's test client: sign up, confirm by link, sign in, reset a password.

Account mail is never sent in the request: the adapter queues a task (django-tasks' database backend),
and ``run_tasks`` runs it the way ``db_worker`` would; only then is the mail in ``mail.outbox``.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult

from .conftest import PASSWORD, link_in

EMAIL = "mirja.laine@example.org"


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", _main(response)))


# --- sign up, confirm, sign in ------------------------------------------------------------------


def test_signup_queues_a_mail_whose_link_confirms_and_signs_in(client, signup, run_tasks, django_user_model):
    response = signup(EMAIL)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"

    user = django_user_model.objects.get(email=EMAIL)
    address = EmailAddress.objects.get(user=user)
    assert not address.verified
    # Queued, not sent: the request did not talk to a mail server.
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    page = client.get("/accounts/confirm-email/")
    assert "Confirm your email address" in _text(page)
    assert f"We have sent a confirmation link to {EMAIL}" in _text(page)

    assert run_tasks() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject == "Confirm your email address"
    link = link_in(message)
    assert link.startswith("/accounts/confirm-email/")

    # Opening the link only shows a page with a button (CONFIRM_EMAIL_ON_GET is off) ...
    page = client.get(link)
    assert page.status_code == 200
    assert EMAIL in _text(page)
    # (the key carries a time stamp: the form's action is a fresh key for the same address)
    assert re.search(r'<form method="post" action="/accounts/confirm-email/[^"/]+/"', _main(page))
    address.refresh_from_db()
    assert not address.verified
    assert "_auth_user_id" not in client.session

    # ... POSTing it confirms the address and signs the person in.
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/apply/"
    address.refresh_from_db()
    assert address.verified
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_confirmation_link_works_in_another_browser_too(signup, run_tasks, django_user_model):
    signup(EMAIL)
    run_tasks()
    link = link_in(mail.outbox[0])
    other = Client()
    response = other.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email=EMAIL).verified
    # Not the browser that signed up: confirmed, but asked to sign in.
    assert response["Location"].startswith("/accounts/login/")
    response = other.post("/accounts/login/", {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    assert other.session["_auth_user_id"] == str(django_user_model.objects.get(email=EMAIL).pk)


def test_an_invalid_confirmation_link_says_so(client, db):
    page = client.get("/accounts/confirm-email/not-a-real-key/")
    assert page.status_code == 200
    assert 'role="alert"' in _main(page)
    assert "expired or is not valid" in _text(page)


def test_signing_in_before_confirming_is_refused_with_a_clear_message(
    signup, run_tasks, django_capture_on_commit_callbacks
):
    signup(EMAIL)
    assert run_tasks() == 1
    browser = Client()  # someone who signed up earlier and comes back
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post("/accounts/login/", {"login": EMAIL, "password": PASSWORD}, follow=True)
    assert "_auth_user_id" not in browser.session
    assert response.redirect_chain[-1][0] == "/accounts/confirm-email/?reason=unverified"
    main = _main(response)
    assert 'role="alert"' in main
    assert "You cannot sign in yet: your email address is not confirmed" in _text(response)
    # The mail from the sign-up is only minutes old: no second one yet (allauth's cool-down) ...
    assert run_tasks() == 0


def test_signing_in_unconfirmed_after_the_cool_down_sends_a_new_link(
    signup, run_tasks, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    signup(EMAIL)
    run_tasks()
    cache.clear()  # the cool-down (3 minutes) has passed
    browser = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post("/accounts/login/", {"login": EMAIL, "password": PASSWORD}, follow=True)
    assert f"We have sent a new confirmation link to {EMAIL}" in _text(response)
    assert run_tasks() == 1
    assert [m.to for m in mail.outbox] == [[EMAIL], [EMAIL]]
    # Either link confirms.
    response = browser.post(link_in(mail.outbox[1]))
    assert EmailAddress.objects.get(email=EMAIL).verified


# --- bad input on the sign-up form ------------------------------------------------------------------


def _field_error(response, name: str) -> str:
    """The error shown with a field; asserts it is tied to the input (aria-describedby, aria-invalid)."""
    main = _main(response)
    error = re.search(rf'<p class="field__error" id="id_{name}-error">(.*?)</p>', main, re.S)
    assert error, f"no error shown with the {name} field"
    field_input = re.search(rf'<input[^>]*name="{name}"[^>]*>', main).group(0)
    assert 'aria-invalid="true"' in field_input
    assert f"id_{name}-error" in re.search(r'aria-describedby="([^"]*)"', field_input).group(1)
    return error.group(1)


def _typed_email(response) -> str:
    field_input = re.search(r'<input[^>]*name="email"[^>]*>', _main(response)).group(0)
    value = re.search(r'value="([^"]*)"', field_input)
    return value.group(1) if value else ""


@pytest.mark.parametrize(
    ("email", "password", "password2", "field", "expected"),
    [
        ("mirja.laine-at-example.org", PASSWORD, None, "email", "Enter a valid email address."),
        (EMAIL, "password", None, "password1", "This password is too short."),
        (EMAIL, "1234567890123", None, "password1", "entirely numeric"),
        (EMAIL, "mirja.laine.example", None, "password1", "too similar"),
        (EMAIL, PASSWORD, PASSWORD + "x", "password2", "You must type the same password each time."),
    ],
    ids=["invalid-email", "short-password", "numeric-password", "password-like-email", "mismatched-passwords"],
)
def test_bad_signup_input_gets_field_errors_and_keeps_the_email(
    signup, run_tasks, django_user_model, email, password, password2, field, expected
):
    response = signup(email, password, password2)
    assert response.status_code == 200
    assert expected in _field_error(response, field)
    assert _typed_email(response) == email
    main = _main(response)
    assert re.search(rf'<div class="error-summary" role="alert"[^>]*autofocus>.*?<a href="#id_{field}">', main, re.S)
    assert "There is a problem" in _text(response)
    assert "<title>Error: " in response.content.decode()
    assert not django_user_model.objects.exists()
    assert run_tasks() == 0


def test_signup_with_a_taken_address_looks_the_same_and_mails_the_owner(
    client, signup, run_tasks, verified_user, django_user_model
):
    """No enumeration: the visitor sees the same 'check your email' page; the owner gets a heads-up."""
    fresh = signup("someone.new@example.org")
    taken = signup(verified_user.email.upper())
    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    assert django_user_model.objects.count() == 2  # verified_user + someone.new, no duplicate
    assert run_tasks() == 2
    to_owner = next(m for m in mail.outbox if m.to == [verified_user.email])
    assert "already exists" in to_owner.body
    assert "/accounts/password/reset/" in to_owner.body


# --- signing in ---------------------------------------------------------------------------------------


def test_wrong_password_is_a_form_error_and_keeps_the_email(client, verified_user):
    response = client.post("/accounts/login/", {"login": verified_user.email, "password": "not-the-password"})
    assert response.status_code == 200
    assert "The email address or the password is not correct." in _text(response)
    assert re.search(r'role="alert"', _main(response))
    assert _typed_email_login(response) == verified_user.email
    assert "_auth_user_id" not in client.session


def _typed_email_login(response) -> str:
    field_input = re.search(r'<input[^>]*name="login"[^>]*>', _main(response)).group(0)
    return re.search(r'value="([^"]*)"', field_input).group(1)


def test_a_verified_account_signs_in_and_out(client, verified_user):
    response = client.post("/accounts/login/?next=/apply/", {"login": verified_user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(verified_user.pk)
    page = client.get("/accounts/logout/")
    assert "Sign out on this device?" in _text(page)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    # No leftover "signed in" / "signed out" notes waiting for the next page.
    assert "messages" not in response.cookies or not response.cookies["messages"].value


def test_repeated_failed_sign_ins_are_refused_with_a_clear_message(client, verified_user):
    """allauth's "login_failed" rate limit (5 failures per address per 5 minutes, 10 per IP per minute)."""
    refused_at = None
    for attempt in range(1, 12):
        response = client.post("/accounts/login/", {"login": verified_user.email, "password": f"wrong-{attempt}"})
        assert response.status_code == 200
        if "Too many failed attempts" in _text(response):
            refused_at = attempt
            break
        assert "The email address or the password is not correct." in _text(response)
    assert refused_at == 6
    assert "Please wait a few minutes and try again, or reset your password." in _text(response)
    assert 'role="alert"' in _main(response)
    # Now even the right password is refused, until the limit expires.
    response = client.post("/accounts/login/", {"login": verified_user.email, "password": PASSWORD})
    assert "Too many failed attempts" in _text(response)
    assert "_auth_user_id" not in client.session


# --- password reset -------------------------------------------------------------------------------------


def test_password_reset_mail_is_queued_and_its_link_sets_a_new_password(
    client, verified_user, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": verified_user.email})
    assert response["Location"] == "/accounts/password/reset/done/"
    assert mail.outbox == []
    assert run_tasks() == 1
    message = mail.outbox[0]
    assert message.to == [verified_user.email]
    assert message.subject == "Choose a new password"
    link = link_in(message)
    assert link.startswith("/accounts/password/reset/key/")

    # The key moves from the URL into the session (so it never leaks through a Referer header).
    response = client.get(link)
    assert response.status_code == 302
    form_url = response["Location"]
    assert form_url.endswith("-set-password/")
    page = client.get(form_url)
    assert "Choose a new password" in _text(page)

    # A weak new password is refused at the field.
    page = client.post(form_url, {"password1": "short", "password2": "short"})
    assert "too short" in _field_error(page, "password1")

    new_password = "tern-skerry-compass-77"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/key/done/"
    assert "Your password is changed" in _text(client.get(response["Location"]))

    verified_user.refresh_from_db()
    assert verified_user.check_password(new_password)
    # The link works once.
    assert "This link is not valid" in _text(client.get(link, follow=True))
    # And the new password signs in.
    fresh = Client()
    fresh.post("/accounts/login/", {"login": verified_user.email, "password": new_password})
    assert fresh.session["_auth_user_id"] == str(verified_user.pk)


def test_password_reset_for_an_unknown_address_looks_the_same(
    client, verified_user, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/accounts/password/reset/", {"email": verified_user.email})
        unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known["Location"] == unknown["Location"] == "/accounts/password/reset/done/"
    run_tasks()
    to_stranger = next(m for m in mail.outbox if m.to == ["nobody@example.org"])
    assert "/accounts/password/reset/key/" not in to_stranger.body


def test_password_reset_with_an_invalid_address_keeps_it_and_says_why(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nobody-at-example"})
    assert response.status_code == 200
    assert "Enter a valid email address." in _field_error(response, "email")
    assert _typed_email(response) == "nobody-at-example"


def test_changing_the_password_when_signed_in(client, verified_user):
    client.post("/accounts/login/", {"login": verified_user.email, "password": PASSWORD})
    page = client.get("/accounts/password/change/")
    assert page.status_code == 200
    page = client.post(
        "/accounts/password/change/",
        {"oldpassword": "wrong", "password1": "tern-skerry-compass-77", "password2": "tern-skerry-compass-77"},
    )
    assert "Please type your current password." in _field_error(page, "oldpassword")
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "tern-skerry-compass-77", "password2": "tern-skerry-compass-77"},
        follow=True,
    )
    assert "Password successfully changed." in _text(response)
    verified_user.refresh_from_db()
    assert verified_user.check_password("tern-skerry-compass-77")
