"""The check-in at the door, made for a phone: search by name (a GET form, works without JavaScript), a button
per person (POST), the count of who is in (a JSON endpoint that checkin.js polls), and the personal QR code:
its URL (/staff/forum/check-in/code/<code>/) shows the person with a check-in button; a GET never checks in.
Scanning with the camera (BarcodeDetector + getUserMedia) is offered by checkin.js where the browser allows."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from campus.core.access import staff_page

from .. import services, staff_selectors
from ..services import staff as staff_services
from ..staff_permissions import can_run_event

event_page = staff_page(can_run_event, load={"event": staff_selectors.event_by_pk})
# The check-in page may use the camera of this origin (the site's policy turns it off everywhere else).
CAMERA_POLICY = settings.PERMISSIONS_POLICY.replace("camera=()", "camera=(self)")


def _code_loader(code):
    return staff_selectors.registration_by_code(code)


def _may_check_in_code(user, code=None, **kwargs) -> bool:
    return code is not None and can_run_event(user, code.event)


@require_GET
@event_page
def checkin(request, event):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]  # a NUL would be an error in PostgreSQL
    people = staff_selectors.checkin_search(event, query)
    response = render(request, "forum/staff/checkin.html", {
        "event": event, "query": query, "people": people, "count": staff_selectors.checkin_count(event),
        "searched": "q" in request.GET,
    })
    response.headers["Permissions-Policy"] = CAMERA_POLICY
    return response


@require_GET
@event_page
def checkin_count(request, event):
    return JsonResponse(staff_selectors.checkin_count(event))


def _back(request, event):
    query = request.POST.get("q", "").strip()[:100]
    url = reverse("staff_forum:checkin", args=[event.pk])
    return redirect(url + ("?" + urlencode({"q": query}) if query else ""))


@require_POST
@event_page
def checkin_do(request, event):
    registration = staff_selectors.registration_of_event(event, request.POST.get("registration"))
    if registration is None:
        raise Http404("No such registration.")
    undo = request.POST.get("undo") == "1"
    try:
        if undo:
            staff_services.undo_check_in(registration=registration, actor=request.user)
            messages.success(request, f"{registration.name}: check-in taken back.")
        else:
            _, new = staff_services.check_in(registration=registration, actor=request.user)
            messages.success(request, f"{registration.name} is checked in." if new
                             else f"{registration.name} was already checked in.")
    except services.RegistrationError as error:
        messages.error(request, f"{registration.name}: {error}")
    if request.POST.get("from") == "code":
        return redirect("staff_forum:checkin_code", code=registration.checkin_code)
    return _back(request, event)


@require_GET
@staff_page(_may_check_in_code, load={"code": _code_loader})
def checkin_code(request, code):
    """What the personal QR code opens: the person (``code``, loaded from the URL's code) and a check-in button
    (never a check-in on GET)."""
    registration = code
    event = registration.event
    return render(request, "forum/staff/checkin_code.html", {
        "event": event, "person": registration, "count": staff_selectors.checkin_count(event),
    })

