"""Who a person is, for subject access and erasure: only a CONFIRMED address identifies a person (issue 9).

An account is identified by its own rows (foreign keys) and by its confirmed addresses:

- an ``EmailAddress`` row of the account with ``verified=True`` (allauth lets one account at a time hold an
  address confirmed: the ``unique_verified_email`` constraint, ``ACCOUNT_UNIQUE_EMAIL``);
- the account's sign-in address (``user.email``) when its ``EmailAddress`` row is verified, or when the
  account has no row for it at all: an account made by the team (``createsuperuser``, the admin, a
  command), never through sign-up, which always writes the row.

A sign-in address whose row is unverified is a sign-up not yet confirmed: it is still the account's own
sign-in (shown to the person as "not confirmed"), but nothing is matched by it (mail, contact messages,
sessions, text to scrub), because anyone can sign up, or add an address, with someone else's address and never
confirm it. Addresses added on /accounts/email/ and not confirmed count for nothing either.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from campus.core.plugins import privacy as plugins
from campus.core.plugins.privacy import Subject, pseudonym  # noqa: F401 (the types live in core: apps use them)

# An erased account's address: unique, never deliverable (.invalid is reserved, RFC 2606).
ERASED_DOMAIN = "erased.invalid"


def is_erased(user) -> bool:
    return bool(user is not None and user.email.endswith("@" + ERASED_DOMAIN))


def subject_for_user(user) -> Subject:
    rows = {email.lower(): verified for email, verified in
            EmailAddress.objects.filter(user=user).order_by("email").values_list("email", "verified")}
    sign_in = user.email.lower()
    ordered = [sign_in, *[email for email in rows if email != sign_in]]
    confirmed = [e for e in ordered if rows.get(e, e == sign_in)]  # no row for the sign-in: made by the team
    unconfirmed = [e for e in ordered if e not in confirmed]
    return Subject(user=user, emails=[e for e in confirmed if not e.endswith("@" + ERASED_DOMAIN)],
                   unconfirmed=[e for e in unconfirmed if not e.endswith("@" + ERASED_DOMAIN)])


def account_with_confirmed(email: str):
    """The account that holds ``email`` confirmed, or None."""
    address = EmailAddress.objects.filter(email__iexact=email, verified=True).select_related("user").first()
    if address is not None:
        return address.user
    User = get_user_model()
    for user in User.objects.filter(email__iexact=email):
        if not EmailAddress.objects.filter(user=user, email__iexact=email).exists():
            return user  # made by the team: its sign-in address has no row to confirm
    return None


def subject_for_email(email: str) -> Subject | None:
    """The account that holds ``email`` confirmed (as its sign-in or another address), else the address alone
    when an app's handler holds data under it without an account (contact messages, mail), else None: we hold
    nothing under it. An account that only claims the address (unconfirmed) is never the answer."""
    email = email.strip().lower()
    user = account_with_confirmed(email)
    if user is not None:
        return subject_for_user(user)
    if any(handler.holds_address(email) for handler in plugins.handlers()):
        return Subject(user=None, emails=[email])
    return None
