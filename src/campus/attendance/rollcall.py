"""The roll call's fieldsets, one per participant, written here rather than by the template engine: with 250
participants the page has 1,250 radio buttons, and drawing them with template tags took most of the request
(bench/attendance_roll_call.py). Every value from the database or the request goes through ``escape``."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import Attendance

METHODS = dict(Attendance.Method.choices)


def _errors(element_id: str, errors) -> str:
    if not errors:
        return ""
    return f'<p class="field__error" id="{element_id}-error">{escape(" ".join(str(e) for e in errors))}</p>'


def fieldset(row, line: dict, *, zone, choices) -> str:
    pk = int(line["pk"])
    user = row.participant.user
    name = escape(user.get_full_name() or user.email)
    status_id, remark_id = f"id_status_{pk}", f"id_remark_{pk}"
    classes = "rollcall-row" + ("" if row.expected else " rollcall-row--not-expected")
    if line["status_errors"] or line["remark_errors"]:
        classes += " field--error"
    described = f' aria-describedby="{status_id}-error"' if line["status_errors"] else ""
    parts = [f'<fieldset class="{classes}" id="participant-{pk}"{described}><legend>{name}',
             "" if row.expected else ' <span class="small">(joined later: not expected)</span>', "</legend>"]
    record = row.attendance
    if record is not None:
        when = record.recorded_at.astimezone(zone).strftime("%H:%M")
        parts.append(f'<p class="small rollcall-row__how">{escape(METHODS.get(record.method, ""))}, {when}</p>')
    parts.append(_errors(status_id, line["status_errors"]))
    parts.append(f'<div class="rollcall-choices" id="{status_id}">')
    current = line["status"] or ""
    for value, label in choices:
        checked = " checked" if value == current else ""
        parts.append(f'<label class="rollcall-choice rollcall-choice--{value or "none"}"><input type="radio" '
                     f'name="status_{pk}" value="{value}"{checked}><span>{escape(label)}</span></label>')
    invalid = f' aria-invalid="true" aria-describedby="{remark_id}-error"' if line["remark_errors"] else ""
    parts.append(f'</div><div class="rollcall-remark"><label for="{remark_id}">Remark<span class="visually-hidden">'
                 f' on {name}</span></label>{_errors(remark_id, line["remark_errors"])}'
                 f'<input type="text" name="remark_{pk}" id="{remark_id}" value="{escape(line["remark"] or "")}" '
                 f'maxlength="300"{invalid}></div>'
                 f'<input type="hidden" name="shown_{pk}" value="{escape(line["shown"] or "")}"></fieldset>')
    return "".join(parts)


def fieldsets(rows, form, *, zone, choices) -> str:
    return mark_safe("\n".join(fieldset(row, form.line(row), zone=zone, choices=choices) for row in rows))
