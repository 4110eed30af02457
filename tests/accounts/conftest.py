"""Helpers for the account tests: sign up through the real form, read links out of queued mail."""

import re

import pytest
from django.core import mail

PASSWORD = "kelp-harbour-lantern-42"
LINK = re.compile(r"https?://[^/\s]+(/accounts/\S+)")


def link_in(message) -> str:
    """The one /accounts/ link in a mail's text body (path only)."""
    links = LINK.findall(message.body)
    assert len(links) == 1, f"expected one account link in the mail, found {links!r}:\n{message.body}"
    return links[0]


@pytest.fixture
def signup(client, django_capture_on_commit_callbacks):
    """POST the sign-up form as a visitor would; the queued mail tasks are committed (but not yet run)."""

    def do(email: str, password: str = PASSWORD, password2: str | None = None, *, follow: bool = False,
           given_name: str = "Aino", family_name: str = "Virtanen"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                "/accounts/signup/",
                {"email": email, "password1": password, "password2": password if password2 is None else password2,
                 "given_name": given_name, "family_name": family_name},
                follow=follow,
            )

    return do


@pytest.fixture
def verified_user(db, django_user_model):
    """An account whose address is confirmed (as after following the link)."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email="aino@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def outbox():
    return mail.outbox
