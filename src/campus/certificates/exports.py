"""The certificates of an edition as a spreadsheet (CSV, XLSX), with the formula-injection defence of
``campus.core.exports`` (a cell that starts like a formula is text with Excel's quote prefix)."""

from __future__ import annotations

from django.utils import timezone

from campus.core import exports

from . import codes

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
HEADER = ["Code", "Name", "Programme", "Edition", "Issued on", "State", "Revoked on", "By hand", "Note"]


def rows(certificates) -> list[list[str]]:
    return [[
        codes.grouped(c.code), c.holder_name, c.programme_name, c.edition_name, c.issued_on.isoformat(),
        c.get_state_display(), c.revoked_at.date().isoformat() if c.revoked_at else "",
        "yes" if c.by_hand else "", c.note,
    ] for c in certificates]


def filename(edition, extension: str) -> str:
    slug = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in edition.slug) or "edition"
    return f"certificates-{slug}-{timezone.localdate().isoformat()}.{extension}"


def as_csv(certificates) -> bytes:
    return exports.csv_bytes([HEADER, *rows(certificates)])


def as_xlsx(certificates) -> bytes:
    return exports.xlsx_bytes([HEADER, *rows(certificates)], title="Certificates")
