"""What goes into a participant's schedule and private calendar feed: each app that has dated things for a
participant (meetups, webinars, sessions, due dates) registers a provider from its ``plugin.py``::

    from campus.core.plugins import calendar

    calendar.register(due_dates)   # (participant) -> iterable of CalendarItem

The cohort app shows them on the schedule page and writes them into the feed (iCalendar with real TZIDs).
A timed item has aware datetimes and the IANA ``timezone`` it is shown in (its meetup's own zone); an all-day
item has dates. ``uid`` is stable across requests and unique on the site (e.g. "assignment-12-due").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class CalendarItem:
    uid: str
    title: str
    starts: datetime | date
    ends: datetime | date | None = None
    timezone: str = "UTC"
    location: str = ""
    description: str = ""
    url: str = ""  # a page of the site about it (absolute path)
    kind: str = ""  # "meetup", "session", "webinar", "due", ... (the schedule may group by it)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.starts, datetime)


_providers: list = []


def register(provider) -> None:
    """Add ``provider(participant) -> iterable[CalendarItem]`` (once)."""
    if provider not in _providers:
        _providers.append(provider)


def unregister(provider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def items_for(participant) -> list[CalendarItem]:
    """Every item the providers give for ``participant``, in time order."""
    found = [item for provider in _providers for item in provider(participant)]

    def key(item: CalendarItem):
        start = item.starts
        if not isinstance(start, datetime):
            start = datetime(start.year, start.month, start.day)
        return (start.timestamp(), item.uid)  # an all-day item counts from midnight (server's zone)

    return sorted(found, key=key)
