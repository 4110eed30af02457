"""The participant's schedule as iCalendar (RFC 5545), from every item of the calendar registry.

Written with the ``icalendar`` package: CRLF line ends, lines folded at 75 octets, text escaped; every timed
event carries its own zone as a real ``TZID`` (the IANA name) with a ``VTIMEZONE`` for each zone used
(``add_missing_timezones``); all-day items are dates. ``DTSTAMP`` is the moment the feed is built, ``UID`` the
item's stable uid under the site's name.
"""

import zoneinfo
from datetime import UTC, datetime, timedelta

import icalendar
from django.utils import timezone

from campus.core.plugins.calendar import CalendarItem

UID_DOMAIN = "cluster-campus"


def _moment(value, zone_name: str):
    if isinstance(value, datetime):
        return value.astimezone(zoneinfo.ZoneInfo(zone_name or "UTC"))
    return value


def calendar_for(participant, items: list[CalendarItem], *, base_url: str) -> bytes:
    edition = participant.edition
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Cluster Campus//Participant schedule//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{edition.programme.short_name} {edition.name}: my schedule")
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    for item in items:
        event = icalendar.Event()
        event.add("uid", f"{item.uid}@{edition.programme.slug}.{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        event.add("dtstart", _moment(item.starts, item.timezone))
        ends = item.ends
        if ends is None and item.all_day:
            ends = item.starts + timedelta(days=1)
        if ends is not None:
            event.add("dtend", _moment(ends, item.timezone))
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", base_url + item.url)
        if item.kind:
            event.add("categories", [item.kind])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
