import secrets

from allauth.account.models import EmailAddress
from django.db import transaction

from campus.core.activity import log_activity

from .models import User, join_names


@transaction.atomic
def ensure_staff_account(*, email: str, password: str | None = None) -> tuple[User, str, bool]:
    """Create or refresh the programme team's superuser account.

    Returns the user, the password now in force and whether the account was created. Where no
    password is given a strong one is generated, so a fresh clone never has a known password.
    """
    email = User.objects.normalize_email(email).lower()
    password = password or secrets.token_urlsafe(12)
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(email=email, given_name="Programme team", full_name="Programme team")
    user.is_staff = True
    user.is_superuser = True
    user.is_active = True
    user.set_password(password)
    user.save()
    # Everyone signs in through the account pages, which require a verified address.
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    log_activity(action="accounts.staff_account_created" if created else "accounts.staff_account_refreshed",
                 target=user)
    return user, password, created


@transaction.atomic
def set_names(*, user: User, given_name: str, family_name: str, actor=None) -> User:
    """The person's given and family name (at sign-up, on the account's name page); ``full_name`` follows."""
    given_name, family_name = " ".join(given_name.split()), " ".join(family_name.split())
    full_name = join_names(given_name, family_name)
    changed = (user.given_name, user.family_name, user.full_name) != (given_name, family_name, full_name)
    user.given_name, user.family_name, user.full_name = given_name, family_name, full_name
    if user.pk is None:
        return user  # a new account (allauth saves it)
    if changed:
        user.save(update_fields=["given_name", "family_name", "full_name"])
        log_activity(action="accounts.names_changed", target=user, actor=actor or user)
    return user
