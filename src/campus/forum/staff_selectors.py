"""Reads of the forum's staff pages: the events a manager runs, the filtered registration list, the check-in
search and count, the message audience. Each in a fixed number of queries."""

from django.db.models import Count, Q

from .models import Event, Registration
from .staff_permissions import events_q

R = Registration.State
FILTER_KEYS = ("state", "country", "checked_in", "needs", "q")


def events_for_staff(user):
    """The events ``user`` runs, newest first, with their counts (one query)."""
    return (Event.objects.filter(events_q(user)).select_related("edition")
            .annotate(held=Count("registrations", filter=Q(registrations__state__in=Registration.HOLDS_SEAT)),
                      waiting=Count("registrations", filter=Q(registrations__state=R.WAITLISTED)),
                      checked_in=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)))
            .order_by("-starts_on", "id"))


def event_by_pk(pk) -> Event | None:
    """The event ``pk`` (any: the staff pages ask ``can_run_event`` next and answer 404 either way)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < pk < 2**31:
        return None
    return Event.objects.select_related("programme", "edition").filter(pk=pk).first()


def registrations(event, filters: dict):
    """The registrations of ``event`` that match ``filters`` (validated by the filter form), by name."""
    rows = Registration.objects.filter(event=event, anonymised_at__isnull=True)
    state = filters.get("state")
    if state == "active":
        rows = rows.filter(state__in=Registration.ACTIVE)
    elif state:
        rows = rows.filter(state=state)
    if filters.get("country"):
        rows = rows.filter(country=filters["country"])
    if filters.get("checked_in") == "yes":
        rows = rows.filter(checked_in_at__isnull=False)
    elif filters.get("checked_in") == "no":
        rows = rows.filter(checked_in_at__isnull=True)
    needs = filters.get("needs")
    if needs == "dietary":
        rows = rows.exclude(dietary_needs="")
    elif needs == "accessibility":
        rows = rows.exclude(accessibility_needs="")
    elif needs == "any":
        rows = rows.filter(~Q(dietary_needs="") | ~Q(accessibility_needs=""))
    if filters.get("q"):
        rows = rows.filter(Q(name__icontains=filters["q"]) | Q(organisation__icontains=filters["q"]))
    return rows.order_by("name", "id")


def state_counts(event) -> dict:
    """{state: count} of ``event``'s registrations (one query)."""
    found = dict(Registration.objects.filter(event=event, anonymised_at__isnull=True).values_list("state")
                 .annotate(n=Count("pk")).values_list("state", "n"))
    return {value: found.get(value, 0) for value in R.values}


def countries_of(event) -> list:
    """The countries of ``event``'s registrants, for the filter (one query)."""
    return sorted({c for c in Registration.objects.filter(event=event).exclude(country="")
                   .values_list("country", flat=True)})


def checkin_count(event) -> dict:
    """Who is in: checked in among those holding a seat (one query)."""
    found = Registration.objects.filter(event=event).aggregate(
        inside=Count("pk", filter=Q(checked_in_at__isnull=False)),
        expected=Count("pk", filter=Q(state=R.CONFIRMED)))
    return {"in": found["inside"] or 0, "expected": found["expected"] or 0}


def checkin_search(event, query: str, limit: int = 30):
    """Confirmed registrants of ``event`` whose name or organisation holds ``query`` (at most ``limit``)."""
    rows = Registration.objects.filter(event=event, state=R.CONFIRMED)
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(organisation__icontains=query))
    return list(rows.order_by("name", "id")[:limit])


def registration_by_code(code: str) -> Registration | None:
    if not code or len(code) > 64:
        return None
    return Registration.objects.select_related("event__edition").filter(checkin_code=code).first()


def registration_of_event(event, pk) -> Registration | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < pk < 2**31:
        return None
    return Registration.objects.filter(event=event, pk=pk).first()


def badge_people(event, *, checked_in_only: bool = False) -> list:
    """The confirmed registrations of ``event`` to print badges for (optionally only those checked in; one query)."""
    people = Registration.objects.filter(event=event, state=Registration.State.CONFIRMED)
    if checked_in_only:
        people = people.filter(checked_in_at__isnull=False)
    return list(people)


def message_recipients(event, filters) -> list:
    """The filtered registrations of ``event`` that have an e-mail address (same query as ``registrations``)."""
    return list(registrations(event, filters).exclude(email=""))
