"""Snapshots of a canvas and the comparison of two: per box, the items added, removed, changed (text or colour)
and moved (now in another box). Items are matched by their id, which a snapshot keeps."""


def snapshot(canvas, boxes, items) -> dict:
    """The JSON kept with a version (and with a handed-in assignment): the type, the title and every item."""
    by_box: dict[int, list] = {}
    for item in items:
        by_box.setdefault(item.box_id, []).append({"id": item.pk, "text": item.text, "colour": item.colour})
    return {"type": canvas.canvas_type.key, "type_title": canvas.canvas_type.title, "title": canvas.title,
            "boxes": [{"key": b.key, "title": b.title, "items": by_box.get(b.pk, [])} for b in boxes]}


def _index(snap: dict) -> dict:
    found = {}
    for box in snap.get("boxes", []):
        for item in box.get("items", []):
            found[item.get("id")] = (box.get("key"), item)
    return found


def compare(older: dict, newer: dict) -> list[dict]:
    """One row per box (in the newer snapshot's order, then boxes only the older had) with its changes."""
    before, after = _index(older), _index(newer)
    titles = {b["key"]: b["title"] for b in older.get("boxes", [])}
    titles.update({b["key"]: b["title"] for b in newer.get("boxes", [])})
    rows = {key: {"key": key, "title": title, "added": [], "removed": [], "changed": [], "moved": []}
            for key, title in titles.items()}
    for item_id, (box, item) in after.items():
        if item_id not in before:
            rows[box]["added"].append(item)
            continue
        old_box, old = before[item_id]
        if old_box != box:
            rows[box]["moved"].append({**item, "from": titles.get(old_box, old_box)})
        if old.get("text") != item.get("text") or old.get("colour") != item.get("colour"):
            rows[box]["changed"].append({**item, "before": old.get("text"), "old_colour": old.get("colour")})
    for item_id, (box, item) in before.items():
        if item_id not in after:
            rows[box]["removed"].append(item)
    for row in rows.values():
        row["count"] = sum(len(row[k]) for k in ("added", "removed", "changed", "moved"))
    return list(rows.values())
