"""Attendance as a spreadsheet (CSV and XLSX): one session's roll call, or the overview (participants ×
sessions). Remarks are typed by staff and names by participants, so every cell is treated as hostile: text a
spreadsheet would run as a formula is neutralised as in every export (``campus.core.exports``: a leading
apostrophe in the CSV; a text cell with Excel's quote prefix in the XLSX, never a formula)."""

from django.utils import timezone
from django.utils.text import slugify

from campus.core import exports

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
    return exports.csv_bytes([header, *body])


def as_xlsx(header, body, *, title: str = "Attendance") -> bytes:
    return exports.xlsx_bytes([header, *body], title=title)


def render(fmt: str, header, body) -> bytes:
    return as_csv(header, body) if fmt == "csv" else as_xlsx(header, body)
