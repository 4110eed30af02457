"""Export of a canvas as JSON and the reading of such a file for import. Reading never raises on bad input: it
returns what it could take and a report of what it could not (shown to the person before nothing is lost)."""

import json

from .models import COLOURS

FORMAT = "cluster-campus-canvas"
MAX_BYTES = 1_000_000
MAX_ITEMS = 500
MAX_TEXT = 1000
COLOUR_KEYS = {key for key, _ in COLOURS}


def export(canvas, boxes, items) -> dict:
    by_box: dict[int, list] = {}
    for item in items:
        by_box.setdefault(item.box_id, []).append({"text": item.text, "colour": item.colour})
    return {"format": FORMAT, "version": 1, "type": canvas.canvas_type.key, "title": canvas.title,
            "description": canvas.description,
            "boxes": [{"key": b.key, "title": b.title, "items": by_box.get(b.pk, [])} for b in boxes]}


class ImportRefused(Exception):
    """The file cannot be read as a canvas at all (the message says why)."""


def read(raw: bytes, types: dict) -> tuple[dict, list[str]]:
    """``raw``: the uploaded bytes; ``types``: key -> CanvasType (with its boxes prefetched). Returns the plan
    {type, title, description, items: [(box, text, colour)]} and the report (what was not taken, and why)."""
    if len(raw) > MAX_BYTES:
        raise ImportRefused("The file is larger than 1 MB.")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ImportRefused(f"The file is not JSON text: {str(error)[:120]}") from error
    if not isinstance(data, dict):
        raise ImportRefused("The file holds no canvas (a JSON object with a type and boxes is expected).")
    kind = types.get(str(data.get("type", "")))
    if kind is None:
        raise ImportRefused(f"Unknown canvas type “{str(data.get('type', ''))[:50]}”. Known: "
                            f"{', '.join(sorted(types))}.")
    report: list[str] = []
    boxes = {b.key: b for b in kind.boxes.all()}
    items: list = []
    raw_boxes = data.get("boxes") if isinstance(data.get("boxes"), list) else []
    if not isinstance(data.get("boxes"), list):
        report.append("The file has no list of boxes: no items were taken.")
    for entry in raw_boxes:
        _read_box(entry, boxes, items, report)
    title = str(data.get("title") or "").strip()[:150] or f"Imported {kind.title}"
    return {"type": kind, "title": title, "description": str(data.get("description") or "")[:5000],
            "items": items}, report


def _read_box(entry, boxes, items, report) -> None:
    if not isinstance(entry, dict):
        report.append("A box that is not a JSON object was skipped.")
        return
    key = str(entry.get("key", ""))
    notes = entry.get("items") if isinstance(entry.get("items"), list) else []
    box = boxes.get(key)
    if box is None:
        report.append(f"Box “{key[:50]}” is not part of this canvas type: its {len(notes)} item(s) were skipped.")
        return
    for number, note in enumerate(notes, start=1):
        text = note.get("text") if isinstance(note, dict) else note if isinstance(note, str) else None
        if not isinstance(text, str) or not text.strip():
            report.append(f"{box.title}, item {number}: no text, skipped.")
            continue
        if len(items) >= MAX_ITEMS:
            report.append(f"More than {MAX_ITEMS} items: the rest were skipped.")
            return
        text = text.strip()
        if len(text) > MAX_TEXT:
            report.append(f"{box.title}, item {number}: shortened to {MAX_TEXT} characters.")
            text = text[:MAX_TEXT]
        colour = note.get("colour", "yellow") if isinstance(note, dict) else "yellow"
        if colour not in COLOUR_KEYS:
            report.append(f"{box.title}, item {number}: unknown colour “{str(colour)[:20]}”, made yellow.")
            colour = "yellow"
        items.append((box, text, colour))
