"""Attendance as a spreadsheet (CSV and XLSX): one session's roll call, or the overview (participants ×
sessions). Remarks are typed by staff and names by participants, so every cell is treated as hostile: text a
spreadsheet would run as a formula is neutralised as in the applications export (a leading apostrophe in the
CSV; a text cell with Excel's quote prefix in the XLSX, never a formula)."""

import csv
import io

from django.utils import timezone
from django.utils.text import slugify

from campus.applications.exports import FORMULA_STARTS, neutralise

from .models import Attendance

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
LABELS = dict(Attendance.Status.choices)
METHODS = dict(Attendance.Method.choices)


def _name(participant) -> str:
    return participant.user.get_full_name() or participant.user.email


def _local(moment, zone) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else ""


def session_table(session, rows) -> tuple[list[str], list[list[str]]]:
    zone = session.zone
    header = ["Participant", "Email", "Status", "Remark", "How", f"Recorded at ({session.zone_name})"]
    body = []
    for row in rows:
        record = row.attendance
        status = LABELS.get(record.status, "") if record else ("" if row.expected else "Not expected (joined later)")
        body.append([_name(row.participant), row.participant.user.email, status, record.remark if record else "",
                     METHODS.get(record.method, "") if record else "", _local(record.recorded_at, zone) if record else ""])
    return header, body


def overview_table(overview) -> tuple[list[str], list[list[str]]]:
    header = ["Participant", "Email"] + [f"{s.title} ({_local(s.starts_at, s.zone)} {s.zone_name})"
                                          for s in overview.sessions] + ["Attended"]
    body = []
    for participant, cells, attended in overview.rows():
        values = []
        for _session, record, expected in cells:
            values.append(LABELS.get(record.status, "") if record else ("" if expected else "not expected"))
        body.append([_name(participant), participant.user.email, *values, str(attended)])
    return header, body


def filename(stem: str, extension: str) -> str:
    return f"{slugify(stem)[:60] or 'attendance'}-attendance-{timezone.localdate().isoformat()}.{extension}"


def as_csv(header, body) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in [header, *body]:
        writer.writerow([neutralise(str(cell)) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # a byte-order mark: Excel keeps the accents


def as_xlsx(header, body, *, title: str = "Attendance") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row_number, row in enumerate([header, *body], start=1):
        for column_number, value in enumerate(row, start=1):
            text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
            cell = sheet.cell(row=row_number, column=column_number)
            cell.value = text
            cell.data_type = "s"  # text, never a formula, whatever it starts with
            if text.startswith(FORMULA_STARTS):
                cell.quotePrefix = True
            if row_number == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render(fmt: str, header, body) -> bytes:
    return as_csv(header, body) if fmt == "csv" else as_xlsx(header, body)
