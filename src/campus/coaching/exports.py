"""A round's groups as a spreadsheet (CSV, XLSX): one row per member. Built on the project's export rules
(``campus.core.exports``): ``neutralise`` for CSV cells and text-only XLSX cells with Excel's quote
prefix, so nothing anyone typed (a name, a sector) runs as a formula. Sessions appear as a count and dates,
never their notes (private to the group)."""

from __future__ import annotations

from django.utils import timezone

from campus.core import exports

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
    return exports.csv_bytes([HEADER, *body]), len(body)


def as_xlsx(round_, groups) -> tuple[bytes, int]:
    body = rows(round_, groups)
    return exports.xlsx_bytes([HEADER, *body], title="Coaching groups"), len(body)
