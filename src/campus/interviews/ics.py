"""The .ics of a booked interview: the slot in its own time zone (a real TZID with its VTIMEZONE),
built as campus.programme.ics builds the meetup feeds."""

import icalendar


def interview_calendar(slot, *, programme_name: str, base_url: str = "") -> bytes:
    zone = slot.zone
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Cluster Campus//Interview//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"interview-{slot.pk}-{slot.booked_by_id}@cluster-campus")
    event.add("dtstamp", slot.updated_at)
    event.add("last-modified", slot.updated_at)
    event.add("summary", f"Interview: {programme_name}")
    event.add("dtstart", slot.starts_at.astimezone(zone))
    event.add("dtend", slot.ends_at.astimezone(zone))
    if slot.online_link:
        event.add("location", slot.online_link)
        event.add("url", slot.online_link)
    elif slot.place:
        event.add("location", slot.place)
    lines = [f"Your interview with the team of {programme_name}."]
    if slot.online_link:
        lines.append(f"Join online: {slot.online_link}")
    if slot.place:
        lines.append(f"Place: {slot.place}")
    if base_url:
        lines.append(f"Change or cancel: {base_url}/apply/status/")
    event.add("description", "\n".join(lines))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def attachment_for_message(message):
    """The outbox's attachment provider "interview_ics": the .ics of the slot the message is about."""
    from .models import InterviewSlot

    if message.related_type != InterviewSlot._meta.label_lower or not message.related_id:
        return []
    slot = InterviewSlot.objects.select_related("call__edition__programme").filter(pk=message.related_id).first()
    if slot is None:
        return []
    programme = slot.call.edition.programme
    name = getattr(programme, "short_name", "") or str(programme)
    return [("interview.ics", interview_calendar(slot, programme_name=name), "text/calendar")]
