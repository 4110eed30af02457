"""Backstage's tech-radar JSON: ``quadrants`` and ``rings`` (``id``, ``name``), ``entries`` with ``key``/``id``,
``quadrant`` (an id), ``title``, ``description``, ``links`` and a ``timeline`` (newest first: ``date``,
``ringId``, ``moved``). The whole timeline comes in: each date is an edition, oldest first; an entry stays on
later editions in its latest ring (as Backstage shows it) until its timeline says otherwise."""

from __future__ import annotations

import json

from ..models import Radar
from .common import (
    MAX_ROWS, ImportRefused, Parsed, ParsedEdition, Places, Row, Seen, add_row, clean_description, decode, plain,
)

MAX_DATES = 100


def _places(document: dict, places: Places, kind: str) -> dict:
    """The file's quadrant or ring ids → our positions: by name, else by their order in the file."""
    found = {}
    listed = document.get(kind) if isinstance(document.get(kind), list) else []
    for index, entry in enumerate(x for x in listed if isinstance(x, dict)):
        by_name = places.quadrant(entry.get("name")) if kind == "quadrants" else places.ring(entry.get("name"))
        fits = places.has_quadrant(index) if kind == "quadrants" else places.has_ring(index)
        position = by_name if by_name is not None else (index if fits else None)
        if position is not None:
            found[str(entry.get("id", entry.get("name")))] = position
    return found


def _load(data: bytes) -> dict:
    try:
        document = json.loads(decode(data))
    except json.JSONDecodeError as error:
        raise ImportRefused(f"This is not JSON: {error.msg} (line {error.lineno}).") from error
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise ImportRefused("A Backstage radar file is an object with “quadrants”, “rings” and “entries”.")
    if len(document["entries"]) > MAX_ROWS:
        raise ImportRefused(f"The file has more than {MAX_ROWS} entries.")
    return document


def parse(data: bytes, radar: Radar) -> tuple[Parsed, list[str]]:
    """The parsed editions and their dates (oldest first)."""
    document, places, parsed = _load(data), Places(radar), Parsed()
    quadrants, rings = _places(document, places, "quadrants"), _places(document, places, "rings")
    timelines = []  # (line, name, quadrant, description, link, {date: ring})
    for number, entry in enumerate(document["entries"], start=1):
        if not isinstance(entry, dict):
            parsed.problem(number, "This entry is not an object.")
            continue
        name = plain(entry.get("title") or entry.get("key") or entry.get("id"), 150)
        quadrant = quadrants.get(str(entry.get("quadrant")))
        if quadrant is None:
            parsed.problem(number, f"Unknown quadrant “{plain(entry.get('quadrant'), 80)}”.", name)
            continue
        dated = {}
        for moment in entry.get("timeline") or []:
            ring = rings.get(str(moment.get("ringId"))) if isinstance(moment, dict) else None
            date = plain(moment.get("date"), 40)[:10] if isinstance(moment, dict) else ""
            if ring is None or not date:
                parsed.problem(number, "A timeline entry has no date or an unknown ring.", name)
            else:
                dated.setdefault(date, ring)  # newest first: the first of a date wins
        if not dated:
            parsed.problem(number, "No timeline entry that can be taken.", name)
            continue
        links = [x.get("url", "") for x in entry.get("links") or [] if isinstance(x, dict)]
        link = next((u for u in links if str(u).startswith(("http://", "https://"))), "")
        timelines.append((number, name, quadrant, clean_description(entry.get("description")), link[:500], dated))
    dates = sorted({d for t in timelines for d in t[5]})
    if len(dates) > MAX_DATES:
        raise ImportRefused(f"The timeline has more than {MAX_DATES} dates.")
    seen = {date: Seen() for date in dates}
    for date in dates:
        edition = ParsedEdition(name=date)
        parsed.editions.append(edition)
        for number, name, quadrant, description, link, dated in timelines:
            ring = _ring_at(dated, date)
            if ring is not None:
                row = Row(line=number, name=name, quadrant=quadrant, ring=ring, description=description, link=link)
                add_row(parsed, edition, seen[date], row) if date == dates[-1] else _quiet(edition, seen[date], row)
    return parsed, dates


def _ring_at(dated: dict, date: str):
    before = [d for d in dated if d <= date]
    return dated[max(before)] if before else None


def _quiet(edition, seen, row) -> None:
    """Older editions: a duplicate is already reported on the newest one."""
    if row.name and row.name.casefold() not in seen.lines:
        seen.lines[row.name.casefold()] = row.line
        edition.rows.append(row)
