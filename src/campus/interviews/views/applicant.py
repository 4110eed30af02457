"""The applicant's interview actions under /apply/interview/: book, cancel, and the .ics of the booking.
The slots are shown on the status page (see status.py); these views act and send the applicant back there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_POST

from campus.applications import selectors as application_selectors
from campus.applications.models import Application
from campus.programme import selectors as programme_selectors

from .. import services
from ..ics import interview_calendar
from ..models import InterviewSlot
from ..permissions import can_book


def _own_application(request):
    programme = programme_selectors.request_programme(request)
    call = application_selectors.current_call(programme_selectors.current_edition(programme))
    if call is None:
        return None
    return Application.objects.filter(call=call, applicant=request.user).select_related("call__edition").first()


def _invited_application(request):
    """The signed-in person's application, when it is invited; 404 for a person without an invitation."""
    application = _own_application(request)
    if application is None:
        return None
    if not can_book(request.user, application):
        raise Http404("You are not invited to an interview.")
    return application


@login_required
@require_POST
def book(request):
    application = _invited_application(request)
    if application is None:
        return redirect("apply:start")
    slot_id = request.POST.get("slot", "")
    slot = InterviewSlot.objects.filter(pk=slot_id, call=application.call).first() if slot_id.isdigit() else None
    if slot is None:
        messages.error(request, "Choose one of the interview times below.")
        return redirect("apply:status")
    try:
        services.book(application=application, slot=slot, actor=request.user)
    except services.InterviewError as error:
        messages.error(request, str(error))
    except PermissionDenied:
        raise Http404("You are not invited to an interview.") from None
    else:
        messages.success(request, "Your interview is booked. We have sent you a confirmation with a calendar file.")
    return redirect("apply:status")


@login_required
@require_POST
def cancel(request):
    application = _invited_application(request)
    if application is None:
        return redirect("apply:start")
    try:
        slot = services.cancel_booking(application=application, actor=request.user)
    except services.InterviewError as error:
        messages.error(request, str(error))
    else:
        if slot is None:
            messages.error(request, "You have no interview time booked.")
        else:
            messages.success(request, "Your interview time is cancelled. Please choose another one.")
    return redirect("apply:status")


@login_required
@require_GET
def ics(request):
    application = _own_application(request)
    if application is None:
        return redirect("apply:start")
    slot = InterviewSlot.objects.filter(booked_by=application).select_related("call__edition__programme").first()
    if slot is None or not can_book(request.user, application):
        raise Http404("You have no interview booked.")
    programme = slot.call.edition.programme
    content = interview_calendar(slot, programme_name=programme.short_name,
                                 base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="interview.ics"'
    add_never_cache_headers(response)
    return response
