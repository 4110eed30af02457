"""What the interviews app plugs into the shared parts (campus.core.plugins): its staff section, its privacy
handler, its mail events and their calendar attachment, its section of the applicant's status page and its panel of
the staff dashboard."""

from campus.core.plugins import application_page, dashboard
from campus.core.plugins import mail as mail_events
from campus.core.plugins import privacy
from campus.core.plugins import staff
from campus.core.plugins import status
from campus.team.permissions import Role, holds_any

from . import dashboard as attention
from .application_page import interview_section as staff_interview_section
from .ics import attachment_for_message
from .mail import EVENTS, ICS_ATTACHMENT
from .privacy_handler import InterviewsHandler
from .status import interview_section

SECTION = staff.register(staff.StaffSection(
    title="Interviews", url_name="staff_interviews:home", order=30,
    predicate=holds_any(Role.INTERVIEWER, Role.MANAGER),
    description="Interview slots, invitations, bookings and the panel's assessments.",
))

dashboard.register(dashboard.Panel(key="interviews", title="Interviews", order=30, predicate=SECTION.predicate,
                                   items=attention.items))

for event in EVENTS:
    mail_events.register(event)
mail_events.register_attachment(ICS_ATTACHMENT, attachment_for_message)

status.register(interview_section)
application_page.register(staff_interview_section)

privacy.register(InterviewsHandler())
