"""iCalendar feeds of meetups, with real TZIDs and VTIMEZONE definitions."""

from collections.abc import Iterable

import icalendar
from django.urls import reverse

from .models import Edition, Meetup


def meetups_calendar(*, edition: Edition, meetups: Iterable[Meetup], name: str, base_url: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Cluster Campus//Programme schedule//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for meetup in meetups:
        module = meetup.module
        event = icalendar.Event()
        event.add("uid", f"meetup-{meetup.pk}@{edition.programme.slug}.cluster-campus")
        event.add("dtstamp", meetup.updated_at)
        event.add("last-modified", meetup.updated_at)
        event.add("summary", f"{meetup.title} — {module.title}")
        event.add("dtstart", meetup.local_start)
        event.add("dtend", meetup.local_end)
        event.add("location", meetup.place)
        # the edition's archive address: it shows this module for good, whichever edition is current later
        event.add("url", base_url + reverse("programme:edition_module",
                                            kwargs={"edition": edition.slug, "number": module.number}))
        description = f"Module {module.number}: {module.title}\n{meetup.get_kind_display()} ({meetup.mode_label})"
        if meetup.mode_note:
            description += "\n" + meetup.mode_note
        if meetup.description:
            description += "\n\n" + meetup.description
        event.add("description", description)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
