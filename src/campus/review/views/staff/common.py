"""What the staff pages of review share: finding a managed call or edition, going
back, and form errors from a service."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from campus.applications.models import Call
from campus.core.http import local_path
from campus.programme.models import Edition
from campus.team.models import TeamMembership

from ... import permissions

Role = TeamMembership.Role
PAGE_SIZE = 100


def _managed_call(request, call_pk: int) -> Call:
    call = Call.objects.filter(pk=call_pk).select_related("edition__programme").first()
    if call is None or not permissions.can_manage_review(request.user, call.edition_id):
        raise Http404("No such call.")
    return call


def _managed_edition(request, pk: int) -> Edition:
    edition = Edition.objects.filter(pk=pk).first()
    if edition is None or not permissions.can_manage_review(request.user, edition):
        raise Http404("No such edition.")
    return edition


def _back(request, fallback: str = "staff_review:home", **kwargs):
    """After a small action (remove, activate): back to the page it was made on (``next``, a path under
    /staff/review/), else to ``fallback``."""
    return redirect(local_path(request, request.POST.get("next", ""), reverse(fallback, kwargs=kwargs or None),
                               under="/staff/review/"))


def _apply_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
