"""What interviews plugs into the shared parts (campus.core.plugins): its mail events and their calendar
attachment, and its section of the applicant's status page."""

from campus.core.plugins import mail as mail_events
from campus.core.plugins import status

from .ics import attachment_for_message
from .mail import EVENTS, ICS_ATTACHMENT
from .status import interview_section

for event in EVENTS:
    mail_events.register(event)
mail_events.register_attachment(ICS_ATTACHMENT, attachment_for_message)

status.register(interview_section)
