"""The registration list of an event as a table (CSV and XLSX through campus.core.exports)."""

from datetime import timezone

HEADER = ["Name", "E-mail", "Organisation", "Country", "Role", "State", "Dietary needs", "Accessibility needs",
          "On the attendee list", "Registered (UTC)", "Checked in (UTC)", "Guest"]


def _moment(value) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M") if value else ""


def rows(registrations) -> list[list]:
    table = [HEADER]
    for r in registrations:
        table.append([r.name, r.email, r.organisation, r.country.name if r.country else "", r.role,
                      r.get_state_display(), r.dietary_needs, r.accessibility_needs,
                      "yes" if r.on_attendee_list else "no", _moment(r.queued_at or r.created_at),
                      _moment(r.checked_in_at), "yes" if r.user_id is None else "no"])
    return table
