"""Exports of a radar: BYOR CSV and JSON and Zalando JSON (one edition), Backstage JSON (the full timeline) and
our own JSON (every edition). Descriptions are cleaned to BYOR's subset of HTML; CSV cells that a spreadsheet
would run as a formula are neutralised (``campus.core.exports``). Movement is the computed one."""

from __future__ import annotations

import json

from campus.core.exports import csv_bytes

from . import selectors
from .importers.common import clean_description
from .importers.zalando import to_zalando
from .models import Blip, Radar, RadarEdition

BYOR_STATUS = {selectors.Movement.NEW: "New", selectors.Movement.IN: "Moved In",
               selectors.Movement.OUT: "Moved Out", selectors.Movement.SAME: "No Change"}
ZALANDO_MOVED = {selectors.Movement.NEW: 2, selectors.Movement.IN: 1, selectors.Movement.OUT: -1,
                 selectors.Movement.SAME: 0}
BACKSTAGE_MOVED = {selectors.Movement.NEW: 0, selectors.Movement.IN: 1, selectors.Movement.OUT: -1,
                   selectors.Movement.SAME: 0}


def _dump(document) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _description(blip: Blip) -> str:
    return clean_description(blip.rationale or blip.item.description)


def byor_records(edition: RadarEdition) -> list[dict]:
    return [{"name": row.item.name, "ring": row.blip.ring.name, "quadrant": row.blip.quadrant.name,
             "isNew": "TRUE" if row.movement == selectors.Movement.NEW else "FALSE",
             "status": BYOR_STATUS[row.movement], "description": _description(row.blip),
             "topic": row.item.tags}
            for row in selectors.blip_rows(edition)]


def byor_csv(edition: RadarEdition) -> bytes:
    header = ["name", "ring", "quadrant", "isNew", "status", "description", "topic"]
    return csv_bytes([header] + [[r[h] for h in header] for r in byor_records(edition)])


def byor_json(edition: RadarEdition) -> bytes:
    return _dump(byor_records(edition))


def zalando_json(edition: RadarEdition) -> bytes:
    date = (edition.published_at or edition.created_at).date().isoformat() if (
        edition.published_at or edition.created_at) else ""
    entries = [{"quadrant": to_zalando(row.blip.quadrant.position), "ring": row.blip.ring.position,
                "label": row.item.name, "active": True, "moved": ZALANDO_MOVED[row.movement],
                "link": row.item.link}
               for row in selectors.blip_rows(edition)]
    return _dump({"date": edition.name or date, "entries": entries})


def _timelines(radar: Radar) -> tuple[list[RadarEdition], dict[int, list[tuple[RadarEdition, Blip, str]]]]:
    """Each item's blips over the editions, oldest first, with their movement."""
    editions = selectors.editions_of(radar)
    per_item: dict[int, list] = {}
    for edition in editions:
        for row in selectors.blip_rows(edition, editions):
            per_item.setdefault(row.item.pk, []).append((edition, row.blip, row.movement))
    return editions, per_item


def backstage_json(radar: Radar) -> bytes:
    _editions, per_item = _timelines(radar)
    entries = []
    for moments in per_item.values():
        _edition, last, _movement = moments[-1]
        entries.append({
            "key": last.item.slug, "id": last.item.slug, "title": last.item.name,
            "quadrant": f"q{last.quadrant.position}", "description": clean_description(last.item.description or
                                                                                        last.rationale),
            "links": [{"url": last.item.link, "title": "Link"}] if last.item.link else [],
            "timeline": [{"date": _date(edition), "ringId": f"r{blip.ring.position}",
                          "moved": BACKSTAGE_MOVED[movement], "description": clean_description(blip.rationale)}
                         for edition, blip, movement in reversed(moments)],
        })
    entries.sort(key=lambda e: e["title"].casefold())
    return _dump({
        "title": radar.title,
        "quadrants": [{"id": f"q{q.position}", "name": q.name} for q in radar.quadrants.order_by("position")],
        "rings": [{"id": f"r{r.position}", "name": r.name, "color": r.colour, "description": r.description}
                  for r in radar.rings.order_by("position")],
        "entries": entries,
    })


def _date(edition: RadarEdition) -> str:
    """An edition's date for Backstage: its name when it reads as a date, else its publication or creation."""
    name = edition.name
    if len(name) >= 7 and name[:4].isdigit() and name[4] == "-" and name[5:7].isdigit():
        return name[:10] if len(name) >= 10 and name[8:10].isdigit() else name[:7] + "-01"
    when = edition.published_at or edition.created_at
    return when.date().isoformat()


def own_json(radar: Radar) -> bytes:
    """Every edition with its blips, the quadrants and rings, each item's name, tags, link and description."""
    editions = selectors.editions_of(radar)
    return _dump({
        "format": "campus-radar/1", "title": radar.title, "description": radar.description,
        "quadrants": [{"position": q.position, "name": q.name, "description": q.description}
                      for q in radar.quadrants.order_by("position")],
        "rings": [{"position": r.position, "name": r.name, "description": r.description, "colour": r.colour}
                  for r in radar.rings.order_by("position")],
        "items": [{"name": i.name, "slug": i.slug, "tags": i.tags, "link": i.link, "description": i.description}
                  for i in radar.items.order_by("name")],
        "editions": [{
            "name": e.name, "state": e.state, "published_at": e.published_at.isoformat() if e.published_at else None,
            "blips": [{"number": row.number, "item": row.item.name, "quadrant": row.blip.quadrant.position,
                       "ring": row.blip.ring.position, "movement": row.movement, "rationale": row.blip.rationale,
                       "origin_label": row.blip.origin_label, "origin_url": row.blip.origin_url}
                      for row in selectors.blip_rows(e, editions)],
        } for e in editions],
    })
