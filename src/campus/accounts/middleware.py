"""Staff need a second factor: with ``CAMPUS_STAFF_REQUIRE_MFA`` on, staff data asks for TOTP first.

A staff member (``is_staff``) without an activated authenticator app who asks for anything under
``/staff/``, or for any view marked ``@staff_data`` wherever it lives (see ``accounts/mfa.py``), is sent to
the activation page, with a message saying why. While the setting is on, the staff area's own sign-in form (Django admin's, which knows
nothing of a second factor) hands over to the account sign-in, which does.

Goes after ``allauth.account.middleware.AccountMiddleware`` (it needs the user and messages).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .mfa import MESSAGE, is_staff_data, lacks_second_factor, set_it_up_first

STAFF_PREFIX = "/staff/"
__all__ = ["MESSAGE", "StaffMFAMiddleware"]


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "CAMPUS_STAFF_REQUIRE_MFA", False) and request.path.startswith(STAFF_PREFIX):
            response = self._guard(request)
            if response is not None:
                return response
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Views marked ``@staff_data`` outside ``/staff/`` (the ones inside were guarded above)."""
        if is_staff_data(view_func) and lacks_second_factor(getattr(request, "user", None)):
            return set_it_up_first(request)
        return None

    def _guard(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            if request.path == _url("admin:login"):
                return self._to_account_login(request)
            return None
        if not user.is_staff:
            return None
        if request.path == _url("admin:logout"):
            return None  # always let them leave
        if not lacks_second_factor(user):
            return None
        return set_it_up_first(request)

    def _to_account_login(self, request):
        """The admin's password-only form would skip the second factor: use the account sign-in instead."""
        next_url = request.GET.get("next") or STAFF_PREFIX
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = STAFF_PREFIX
        return HttpResponseRedirect(reverse("account_login") + "?" + urlencode({"next": next_url}))
