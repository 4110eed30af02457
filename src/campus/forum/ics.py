"""The event's .ics: the whole event as all-day dates, and each agenda session in the event's zone (a real
TZID with its VTIMEZONE, as campus.programme.ics builds the meetup feeds). The calendar always carries the
event's VTIMEZONE, so a calendar shows the days in the right place even before the agenda is out."""

from datetime import timedelta

import icalendar

from .mail import event_place


def event_calendar(event, sessions, *, base_url: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Cluster Campus//Forum//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", event.title)
    calendar.add("x-wr-timezone", event.timezone)
    url = base_url + event.get_absolute_url()
    whole = icalendar.Event()
    whole.add("uid", f"event-{event.pk}@forum.cluster-campus")
    whole.add("dtstamp", event.updated_at)
    whole.add("last-modified", event.updated_at)
    whole.add("summary", event.title)
    whole.add("dtstart", event.starts_on)
    whole.add("dtend", event.ends_on + timedelta(days=1))  # all-day: the end is exclusive
    whole.add("location", ", ".join(p for p in (event_place(event), event.address) if p))
    whole.add("url", url)
    whole.add("description", "\n".join(p for p in (event.region, url) if p))
    calendar.add_component(whole)
    zone = event.zone
    for session in sessions:
        item = icalendar.Event()
        item.add("uid", f"event-{event.pk}-session-{session.pk}@forum.cluster-campus")
        item.add("dtstamp", event.updated_at)
        item.add("summary", f"{session.title} — {event.title}")
        item.add("dtstart", session.starts_at.astimezone(zone))
        item.add("dtend", session.ends_at.astimezone(zone))
        if session.room:
            item.add("location", session.room)
        item.add("description", "\n".join(p for p in (session.speakers, session.description) if p))
        calendar.add_component(item)
    calendar.add_missing_timezones()
    if not any(c.name == "VTIMEZONE" for c in calendar.subcomponents):
        calendar.subcomponents.insert(0, icalendar.Timezone.from_tzid(event.timezone))
    return calendar.to_ical()


def registration_attachments(message):
    """The outbox's attachment provider "forum_registration": the event's .ics and the registrant's QR code
    (made when the message is sent; nothing for a registration that was erased meanwhile)."""
    from .models import Registration
    from .qr import checkin_png

    if message.related_type != Registration._meta.label_lower or not message.related_id:
        return []
    registration = (Registration.objects.select_related("event__programme").filter(pk=message.related_id)
                    .exclude(anonymised_at__isnull=False).first())
    if registration is None:
        return []
    from campus.communications.services import site_url

    event = registration.event
    content = event_calendar(event, list(event.sessions.all()), base_url=site_url())
    return [(f"{event.slug}.ics", content, "text/calendar"), ("qr-code.png", checkin_png(registration), "image/png")]
