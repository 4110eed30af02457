"""Zalando's tech radar JSON: ``{"date", "entries": [{"quadrant", "ring", "label", "active", "moved", "link"}]}``.
Zalando counts quadrants clockwise from the bottom right, ours clockwise from the top right; ring 0 is the
innermost in both. ``moved`` (-1, 0, 1, 2) is typed by hand there; we compute movement, so it is only checked."""

from __future__ import annotations

import json

from ..models import Radar
from .common import MAX_ROWS, ImportRefused, Parsed, ParsedEdition, Places, Row, Seen, add_row, decode, plain

MOVED = {-1: "Moved Out", 0: "No Change", 1: "Moved In", 2: "New"}


def from_zalando(quadrant: int) -> int:
    return (quadrant + 1) % 4


def to_zalando(position: int) -> int:
    return (position + 3) % 4


def parse(data: bytes, radar: Radar) -> Parsed:
    try:
        document = json.loads(decode(data))
    except json.JSONDecodeError as error:
        raise ImportRefused(f"This is not JSON: {error.msg} (line {error.lineno}).") from error
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ImportRefused("A Zalando radar file is an object with a list of “entries”.")
    if len(entries) > MAX_ROWS:
        raise ImportRefused(f"The file has more than {MAX_ROWS} rows.")
    parsed, places, seen = Parsed(), Places(radar), Seen()
    edition = ParsedEdition(name=plain(document.get("date", ""), 70))
    parsed.editions.append(edition)
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            parsed.problem(number, "This entry is not an object.")
            continue
        name, quadrant, ring = plain(entry.get("label"), 150), entry.get("quadrant"), entry.get("ring")
        if entry.get("active") is False:
            parsed.problem(number, "Not active: left out.", name)
        elif not isinstance(quadrant, int) or isinstance(quadrant, bool) or not 0 <= quadrant <= 3 \
                or not places.has_quadrant(from_zalando(quadrant)):
            parsed.problem(number, f"Unknown quadrant “{plain(quadrant, 20)}”.", name)
        elif not isinstance(ring, int) or isinstance(ring, bool) or not places.has_ring(ring):
            parsed.problem(number, f"Unknown ring “{plain(ring, 20)}”.", name)
        elif entry.get("moved", 0) not in MOVED:
            parsed.problem(number, f"Unknown “moved” value “{plain(entry.get('moved'), 20)}”.", name)
        else:
            link = plain(entry.get("link", ""), 500)
            add_row(parsed, edition, seen, Row(line=number, name=name, quadrant=from_zalando(quadrant), ring=ring,
                                               link=link if link.startswith(("http://", "https://")) else "",
                                               status=MOVED[entry.get("moved", 0)]))
    return parsed
