"""Public pages of the forum: the events, an event's page (agenda, seats, registration) and its .ics."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from campus.communications.services import site_url
from campus.core.cache import cached_public_page

from .. import selectors
from ..ics import event_calendar
from ..mail import event_dates, event_place
from ..services import registration_window_open


def _event_or_404(slug):
    event = selectors.published_event(slug)
    if event is None:
        raise Http404("No such event.")
    return event


@require_GET
@cached_public_page
def event_list(request):
    upcoming, past = selectors.published_events()
    for event in (*upcoming, *past):
        event.dates, event.place = event_dates(event), event_place(event)
    return render(request, "forum/event_list.html", {"upcoming": upcoming, "past": past})


@require_GET
def event_detail(request, slug):
    """Not in the page cache: the seats left change with every registration (a fixed number of queries)."""
    event = _event_or_404(slug)
    zone = event.zone
    sessions = selectors.sessions_of(event)
    days = {}
    for session in sessions:
        session.local_start, session.local_end = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
        days.setdefault(session.local_start.date(), []).append(session)
    mine = selectors.registration_of_user(event, request.user)
    return render(request, "forum/event_detail.html", {
        "event": event, "days": sorted(days.items()), "seats": selectors.seats(event),
        "open": registration_window_open(event), "dates": event_dates(event), "place": event_place(event),
        "mine": mine, "ended": event.ends_on < timezone.localdate(),  # as the list of past events says
    })


@require_GET
@cached_public_page
def event_ics(request, slug):
    event = _event_or_404(slug)
    content = event_calendar(event, selectors.sessions_of(event), base_url=site_url())
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
