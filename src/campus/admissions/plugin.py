"""What the admissions app plugs into the shared parts (campus.core.plugins): its staff section, its privacy
handler, and its mail events and the acceptance letter they carry, its section of the applicant's status page
its periodic job and its panel of the staff dashboard."""

from datetime import timedelta

from campus.core.plugins import application_page, dashboard, jobs
from campus.core.plugins import mail as mail_events
from campus.core.plugins import privacy
from campus.core.plugins import staff
from campus.core.plugins import status as status_sections
from campus.team.permissions import Role, holds_any

from . import dashboard as attention
from .application_page import admission_section
from . import letters, services, status
from .mail import CONFIRMATION_ATTACHMENT, EVENTS, LETTER_ATTACHMENT
from .privacy_handler import AdmissionsHandler

SECTION = staff.register(staff.StaffSection(
    title="Admissions", url_name="staff_admissions:home", order=40, predicate=holds_any(Role.MANAGER),
    description="The ranking board, the selection assistant, staged decisions, release, offers and the waitlist.",
))

dashboard.register(dashboard.Panel(key="admissions", title="Admissions", order=40, predicate=SECTION.predicate,
                                   items=attention.items))

for event in EVENTS:
    mail_events.register(event)
mail_events.register_attachment(LETTER_ATTACHMENT, letters.attachment)
mail_events.register_attachment(CONFIRMATION_ATTACHMENT, letters.confirmation_attachment)

status_sections.register(status.offer_section)
application_page.register(admission_section)

# release due calls, expire offers past their reply-by moment (promoting the next), 48-hour reminders
jobs.register("admissions.tick", services.tick, every=timedelta(minutes=1))

privacy.register(AdmissionsHandler())

from . import cloning  # noqa: E402 - its part of an edition's clone (campus.core.plugins.clone)

cloning.register()
