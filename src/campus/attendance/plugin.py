"""What the attendance app plugs into the shared parts (campus.core.plugins): its staff section, its section of
the participant area and its block on the participant's home (the next webinar), its calendar provider
(sessions and webinars), its certificate criterion (meetups attended) and its privacy handler."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from campus.core.plugins import calendar, criteria, participant, privacy, staff

from . import permissions, selectors
from .criteria import CRITERION
from .privacy_handler import AttendanceHandler

staff.register(staff.StaffSection(
    title="Attendance", url_name="staff_attendance:home", order=44, predicate=permissions.can_use_attendance,
    description="Sessions of meetups and webinars, the roll call at the door, QR check-in, the overview and "
                "its export.",
))

participant.register_section(participant.ParticipantSection(
    title="Sessions and attendance", url_name="attendance:sessions", order=20))


def next_webinar_block(request, member):
    session = selectors.next_webinar(member)
    if session is None:
        return None
    now = timezone.now()
    html = render_to_string("attendance/participant/_home_block.html", {
        "session": session, "running": session.starts_at <= now <= session.ends_at}, request=request)
    return participant.HomeBlock(html=html, order=25, key="attendance.next_webinar")


participant.register_block(next_webinar_block)


def calendar_items(member):
    """The sessions of the participant's edition: a meetup's sessions and the webinars, in their own zones.
    Online links stay on the participant's page (signed in), never in the feed."""
    for session in selectors.sessions_of_edition(member.edition_id):
        kind = "webinar" if session.is_webinar else "session"
        where = "Online" if session.is_webinar else (session.meetup.place if session.meetup else "")
        about = f"Webinar of {session.module}" if session.is_webinar and session.module else (
            "Webinar of the edition" if session.is_webinar else f"Part of {session.meetup.title}")
        yield calendar.CalendarItem(
            uid=f"attendance-session-{session.pk}", title=session.title, starts=session.starts_at,
            ends=session.ends_at, timezone=session.zone_name, location=where, description=about,
            url=reverse("attendance:sessions"), kind=kind)


calendar.register(calendar_items)
criteria.register(CRITERION)
privacy.register(AttendanceHandler())
