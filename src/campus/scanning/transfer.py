"""CSV and JSON import and export of signals. Import reports every row it cannot take (line and reason), reads
UTF-8 (with or without BOM), UTF-16 and Latin-1, and keeps formula-like cells as plain text; export neutralises
cells a spreadsheet would run."""

import csv
import datetime
import io
import json

from campus.core.exports import neutralise

from .models import Horizon, LinkKind, Signal, SignalType, SourceKind, Steep  # noqa: F401

COLUMNS = ["title", "seen", "why", "source_url", "source_kind", "seen_on", "steep", "kind", "strength", "horizon",
           "tags", "impact", "uncertainty", "state"]
MAX_ROWS = 10000
CHOICES = {"source_kind": SourceKind, "steep": Steep, "kind": SignalType, "horizon": Horizon}


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _choice(field, value: str) -> str:
    enum = CHOICES[field]
    wanted = value.strip().casefold()
    for code, label in enum.choices:
        if wanted in (code.casefold(), label.casefold()):
            return code
    raise ValueError(f"{field} “{value[:40]}” is not one of {', '.join(enum.values)}")


def _level(field, value) -> int:
    try:
        number = int(str(value).strip() or 3)
    except ValueError:
        raise ValueError(f"{field} must be a whole number from 1 to 5") from None
    if not 1 <= number <= 5:
        raise ValueError(f"{field} must be from 1 to 5")
    return number


def clean_row(row: dict) -> dict:
    """A row as fields for ``services.create_signal``; raises ValueError with the reason."""
    row = {str(k).strip().lower(): ("" if v is None else str(v)) for k, v in row.items() if k is not None}
    title = row.get("title", "").strip()
    if not title:
        raise ValueError("title is empty")
    data = {"title": title[:200], "seen": row.get("seen", ""), "why": row.get("why", ""),
            "tags": row.get("tags", "")}
    url = row.get("source_url", "").strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise ValueError("source_url must start with http:// or https://")
    data["source_url"] = url[:500]
    for field in CHOICES:
        if row.get(field, "").strip():
            data[field] = _choice(field, row[field])
    for field in ("strength", "impact", "uncertainty"):
        data[field] = _level(field, row.get(field, ""))
    if row.get("seen_on", "").strip():
        try:
            data["seen_on"] = datetime.date.fromisoformat(row["seen_on"].strip())
        except ValueError:
            raise ValueError("seen_on must be a date like 2026-12-07") from None
    return data


def read(raw: bytes, filename: str) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """(rows taken as (line, data), rows refused as (line, reason))."""
    text = decode(raw)
    taken, refused = [], []
    if filename.lower().endswith(".json"):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as error:
            return [], [(error.lineno, "the file is not valid JSON")]
        if isinstance(rows, dict):
            rows = rows.get("signals", [])
        if not isinstance(rows, list):
            return [], [(1, "expected a list of signals")]
        numbered = [(i, r) for i, r in enumerate(rows, start=1)]
    else:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if not reader.fieldnames or "title" not in [f.strip().lower() for f in reader.fieldnames]:
            return [], [(1, "the header has no “title” column")]
        numbered = [(reader.line_num, r) for r in reader]
    for line, row in numbered[:MAX_ROWS]:
        if not isinstance(row, dict):
            refused.append((line, "not an object"))
            continue
        try:
            taken.append((line, clean_row(row)))
        except ValueError as error:
            refused.append((line, str(error)))
    for line, _ in numbered[MAX_ROWS:]:
        refused.append((line, f"more than {MAX_ROWS} rows"))
    return taken, refused


def _values(signal) -> list:
    return [getattr(signal, c) if c != "seen_on" else (signal.seen_on.isoformat() if signal.seen_on else "")
            for c in COLUMNS]


def to_csv(signals) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for signal in signals:
        writer.writerow([neutralise(str(v)) for v in _values(signal)])
    return out.getvalue()


def to_json(signals) -> str:
    return json.dumps({"signals": [dict(zip(COLUMNS, _values(s))) for s in signals]}, ensure_ascii=False, indent=1)
