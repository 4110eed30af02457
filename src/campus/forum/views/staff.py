"""The forum's staff pages under /staff/forum/: the events a manager runs, the registration list of one
(filters, search, paging, export), and the waitlist's staff offer. Managers of the event's edition only (any
manager for an event without edition: staff_permissions.py); anyone else signed in gets 404."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from campus.core import exports as tables
from campus.core.access import staff_page
from campus.core.activity import log_activity

from .. import exports, services, staff_selectors
from ..models import Event
from ..staff_forms import RegistrationFilterForm
from ..staff_permissions import can_run_event, can_use_forum_staff

PAGE_SIZE = 50
guarded = staff_page(can_use_forum_staff)
event_page = staff_page(can_run_event, load={"event": staff_selectors.event_by_pk})


@require_GET
@guarded
def home(request):
    events = list(staff_selectors.events_for_staff(request.user))
    return render(request, "forum/staff/home.html", {"events": events})


def filter_form(request, event, data=None) -> RegistrationFilterForm:
    data = request.GET if data is None else data
    return RegistrationFilterForm(data if data else None, countries_present=staff_selectors.countries_of(event))


def list_url(event, filters: dict, page: int | None = None) -> str:
    query = {**filters, **({"page": page} if page and page > 1 else {})}
    url = reverse("staff_forum:registrations", args=[event.pk])
    return url + ("?" + urlencode(query) if query else "")


def back_to_list(request, event):
    """After a POST: the list with the filters and page the form carried (validated again)."""
    form = filter_form(request, event, request.POST)
    page = request.POST.get("page", "")
    return redirect(list_url(event, form.filters(), int(page) if page.isdigit() and len(page) < 6 else None))


@require_GET
@event_page
def registrations(request, event):
    form = filter_form(request, event)
    filters = form.filters()
    page = Paginator(staff_selectors.registrations(event, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "forum/staff/registrations.html", {
        "event": event, "form": form, "filters": filters, "page": page, "rows": list(page.object_list),
        "counts": staff_selectors.state_counts(event), "seats": services.counts(event),
        "filter_query": urlencode(filters), "staff_offers": event.offer_mode == Event.OfferMode.STAFF,
    })


@require_POST
@event_page
def offer(request, event):
    """Staff send the offer of a free seat to a person on the waitlist (the event's mode "staff confirms", or to
    move someone up by hand)."""
    registration = staff_selectors.registration_of_event(event, request.POST.get("registration"))
    if registration is None:
        raise Http404("No such registration.")
    try:
        services.offer_seat(registration=registration, actor=request.user)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"A seat is offered to {registration.name}; the offer is on its way by mail.")
    return back_to_list(request, event)


@require_GET
@event_page
def export(request, event, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404("No such format.")
    filters = filter_form(request, event).filters()
    table = exports.rows(staff_selectors.registrations(event, filters))
    log_activity(action="forum.exported", target=event, actor=request.user, format=fmt, rows=len(table) - 1)
    name = f"registrations-{event.slug}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(tables.csv_bytes(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(tables.xlsx_bytes(table, title="Registrations"),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
