"""The schedule page's grouping: calendar items by month, each shown in its own zone (the zone named)."""

import zoneinfo
from datetime import datetime


def _local(item):
    if isinstance(item.starts, datetime):
        zone = zoneinfo.ZoneInfo(item.timezone or "UTC")
        return item.starts.astimezone(zone), item.ends.astimezone(zone) if item.ends else None
    return item.starts, item.ends


def when_text(item) -> str:
    start, end = _local(item)
    if item.all_day:
        text = f"{start:%a} {start.day} {start:%b %Y}"
        if end and end != start:
            text += f" – {end:%a} {end.day} {end:%b %Y}"
        return text
    first = f"{start:%a} {start.day} {start:%b %Y}, {start:%H:%M}"
    if end is None:
        return f"{first} {start:%Z} ({item.timezone})"
    if start.date() == end.date():
        return f"{first}–{end:%H:%M} {end:%Z} ({item.timezone})"
    return f"{first} – {end:%a} {end.day} {end:%b}, {end:%H:%M} {end:%Z} ({item.timezone})"


def by_month(items) -> list[dict]:
    """[{"label": "September 2020", "key": "2020-09", "entries": [{"item", "when", "day"}...]}...] in time order."""
    months: dict[str, dict] = {}
    for item in items:
        start, _end = _local(item)
        key = f"{start.year:04d}-{start.month:02d}"
        month = months.setdefault(key, {"key": key, "label": f"{start:%B %Y}", "entries": []})
        month["entries"].append({"item": item, "when": when_text(item), "start": start})
    return [months[key] for key in sorted(months)]
