"""A round's groups as a spreadsheet (CSV, XLSX): one row per member. Built on the project's export rules
(``campus.applications.exports``): ``neutralise`` for CSV cells and text-only XLSX cells with Excel's quote
prefix, so nothing anyone typed (a name, a sector) runs as a formula. Sessions appear as a count and dates,
never their notes (private to the group)."""

from __future__ import annotations

import csv
import io

from django.utils import timezone

from campus.applications.exports import FORMULA_STARTS, neutralise

from . import selectors

HEADER = ["Group", "Name", "Email", "Organisation", "Country", "Sector", "Why this group", "Sessions logged",
          "Session dates"]


def rows(round_, groups) -> list[list]:
    """One row per member (``groups`` from ``selectors.groups_for_staff``: no extra queries but the sectors)."""
    participants = [member.participant for group in groups for member in group.members.all()]
    sectors = selectors.sectors_of(participants)
    body = []
    for group in groups:
        sessions = list(group.sessions.all())
        dates = ", ".join(s.held_on.isoformat() for s in sorted(sessions, key=lambda s: s.held_on))
        for member in group.members.all():
            p = member.participant
            application = p.application
            body.append([group.number, selectors.name_of(p), p.user.email,
                         application.organisation if application else "",
                         selectors.country_name(selectors.country_of(p)), sectors.get(p.pk, ""), group.reason,
                         len(sessions), dates])
    return body


def filename(round_, extension: str) -> str:
    today = timezone.localdate().isoformat()
    title = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in round_.title.lower()).strip("-")[:60]
    return f"coaching-{title or 'round'}-{today}.{extension}"


def as_csv(round_, groups) -> tuple[bytes, int]:
    body = rows(round_, groups)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in [HEADER, *body]:
        writer.writerow([cell if isinstance(cell, int) else neutralise(str(cell)) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), len(body)


def as_xlsx(round_, groups) -> tuple[bytes, int]:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    body = rows(round_, groups)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Coaching groups"
    for row_number, row in enumerate([HEADER, *body], start=1):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            if isinstance(value, int) and not isinstance(value, bool):
                cell.value = value
            else:
                text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
                cell.value = text
                cell.data_type = "s"  # text, never a formula
                if text.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True
            if row_number == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), len(body)
