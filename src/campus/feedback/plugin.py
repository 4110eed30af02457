"""What the surveys app plugs into the shared parts (campus.core.plugins): its staff section, its participant
section and home block, its mail event and its privacy handler."""

from campus.core.plugins import mail as mail_events
from campus.core.plugins import participant, privacy, staff

from .home import open_surveys_block
from .mail import EVENTS
from .permissions import can_use_surveys
from .privacy_handler import FeedbackHandler

SECTION = staff.register(staff.StaffSection(
    title="Surveys", url_name="staff_feedback:home", order=47, predicate=can_use_surveys,
    description="Build surveys of a module or the edition, open and close them, read the results, remind.",
))

participant.register_section(participant.ParticipantSection(title="Surveys", url_name="feedback:list", order=50))
participant.register_block(open_surveys_block)

for event in EVENTS:
    mail_events.register(event)

privacy.register(FeedbackHandler())

from . import cloning  # noqa: E402 - its part of an edition's clone (campus.core.plugins.clone)

cloning.register()
