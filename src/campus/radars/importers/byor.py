"""Thoughtworks' Build Your Own Radar: a CSV or a JSON list with ``name``, ``ring``, ``quadrant``,
``description``, ``isNew`` and/or ``status``, optional ``topic``. Headers are trimmed and read in any case;
``isNew`` is true only when it reads "true" (any case); ``status`` wins over ``isNew``. Movement on our side is
computed, so the status is only checked and shown in the preview."""

from __future__ import annotations

import csv
import io
import json

from ..models import Radar
from .common import (
    MAX_ROWS, ImportRefused, Parsed, ParsedEdition, Places, Row, Seen, add_row, clean_description, decode, plain,
)

REQUIRED = ("name", "ring", "quadrant", "description")
STATUSES = {"new": "New", "moved in": "Moved In", "moved out": "Moved Out", "no change": "No Change"}
HEADERS = {"name": "name", "ring": "ring", "quadrant": "quadrant", "description": "description",
           "isnew": "isNew", "status": "status", "topic": "topic"}


def _record(raw: dict) -> dict:
    """A row's cells under BYOR's names (headers trimmed, any case)."""
    out = {}
    for header, value in raw.items():
        name = HEADERS.get(str(header or "").strip().casefold())
        if name and name not in out:
            out[name] = "" if value is None else value
    return out


def _check_columns(columns: set) -> None:
    missing = [c for c in REQUIRED if c not in columns]
    if "isNew" not in columns and "status" not in columns:
        missing.append("isNew or status")
    if missing:
        raise ImportRefused("Missing columns: " + ", ".join(missing) + ".")


def parse_csv(data: bytes, radar: Radar) -> Parsed:
    text = decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    _check_columns({HEADERS.get(str(h).strip().casefold()) for h in reader.fieldnames or []})
    parsed, edition, seen, places = Parsed(), ParsedEdition(name=""), Seen(), Places(radar)
    parsed.editions.append(edition)
    try:
        for raw in reader:
            if reader.line_num > MAX_ROWS + 1:
                raise ImportRefused(f"The file has more than {MAX_ROWS} rows.")
            _take(parsed, edition, seen, places, reader.line_num, _record(raw))
    except csv.Error as error:
        raise ImportRefused(f"The CSV cannot be read: {error}.") from error
    return parsed


def parse_json(data: bytes, radar: Radar) -> Parsed:
    try:
        records = json.loads(decode(data))
    except json.JSONDecodeError as error:
        raise ImportRefused(f"This is not JSON: {error.msg} (line {error.lineno}).") from error
    if isinstance(records, dict):
        records = records.get("entries") or records.get("blips") or []
    if not isinstance(records, list) or not records:
        raise ImportRefused("A BYOR JSON file is a list of entries.")
    if len(records) > MAX_ROWS:
        raise ImportRefused(f"The file has more than {MAX_ROWS} rows.")
    _check_columns(set().union(*(_record(r).keys() for r in records if isinstance(r, dict))))
    parsed, edition, seen, places = Parsed(), ParsedEdition(name=""), Seen(), Places(radar)
    parsed.editions.append(edition)
    for number, raw in enumerate(records, start=1):
        if not isinstance(raw, dict):
            parsed.problem(number, "This entry is not an object.")
            continue
        _take(parsed, edition, seen, places, number, _record(raw))
    return parsed


def status_of(record: dict) -> str | None:
    """The row's status: ``status`` if given (None when unknown), else New when ``isNew`` reads "true"."""
    status = plain(record.get("status", "")).casefold()
    if status:
        return STATUSES.get(status)
    return "New" if plain(record.get("isNew", "")).casefold() == "true" else "No Change"


def _take(parsed, edition, seen, places, line: int, record: dict) -> None:
    name = plain(record.get("name", ""), 150)
    quadrant, ring = places.quadrant(plain(record.get("quadrant"))), places.ring(plain(record.get("ring")))
    status = status_of(record)
    if not name:
        return parsed.problem(line, "The name is empty.")
    if quadrant is None:
        return parsed.problem(line, f"Unknown quadrant “{plain(record.get('quadrant'), 80)}”.", name)
    if ring is None:
        return parsed.problem(line, f"Unknown ring “{plain(record.get('ring'), 80)}”.", name)
    if status is None:
        return parsed.problem(line, f"Unknown status “{plain(record.get('status'), 40)}”.", name)
    add_row(parsed, edition, seen, Row(line=line, name=name, quadrant=quadrant, ring=ring, status=status,
                                       description=clean_description(record.get("description")),
                                       tags=plain(record.get("topic", ""), 300)))
