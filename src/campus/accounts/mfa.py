"""The staff second factor, wherever staff data is served (issue 9).

With ``CAMPUS_STAFF_REQUIRE_MFA`` on, a staff account (``is_staff``) without an activated authenticator app
opens nothing that shows staff-only data or acts as staff. Two things say what that is, and
``StaffMFAMiddleware`` enforces both before any view runs:

- the staff area: every path under ``/staff/`` (the back office and the Django admin);
- any other view marked with :func:`staff_data`, wherever its URL lives: the document download
  (``/apply/documents/<id>/``, which staff use to read CVs), and any other page outside /staff/ that a staff page may need (the privacy team's pages moved under
  ``/staff/privacy/`` and so under the first rule).

A view that serves both a person's own data and staff (the document download) is marked: staff then need the
second factor there too, even for a file of their own; people without staff status are not affected.
``tests/security/test_staff_mfa_everywhere.py`` walks the permission matrix and fails for any URL that gives
staff more than a plain signed-in person without being guarded.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse

MARK = "campus_staff_data"
MESSAGE = (
    "The staff area needs two-factor authentication. Set up an authenticator app here first; "
    "then the staff area opens for you."
)


def staff_data(view):
    """Mark ``view`` as showing staff-only data: with the setting on, staff need their second factor for it."""
    setattr(view, MARK, True)
    return view


def is_staff_data(view) -> bool:
    return bool(getattr(view, MARK, False))


def required() -> bool:
    return bool(getattr(settings, "CAMPUS_STAFF_REQUIRE_MFA", False))


def lacks_second_factor(user) -> bool:
    """True for a signed-in staff account without TOTP while the setting is on."""
    if not required() or user is None or not user.is_authenticated or not user.is_staff:
        return False
    return not is_mfa_enabled(user, [Authenticator.Type.TOTP])


def set_it_up_first(request) -> HttpResponseRedirect:
    messages.warning(request, MESSAGE)
    return HttpResponseRedirect(reverse("mfa_activate_totp"))


MIDDLEWARE = "campus.accounts.middleware.StaffMFAMiddleware"


def check_middleware(app_configs=None, **kwargs):
    """The marks mean nothing without the middleware that reads them: refuse to start without it."""
    from django.core.checks import Error

    if required() and MIDDLEWARE not in settings.MIDDLEWARE:
        return [Error(f"CAMPUS_STAFF_REQUIRE_MFA is on but {MIDDLEWARE} is not in MIDDLEWARE: staff data would "
                      "open without the second factor.", id="campus.E001")]
    return []
