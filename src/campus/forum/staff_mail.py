"""The mail staff write to registrants from the forum's staff pages (registered from plugin.py)."""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

from .mail import _EVENT

STAFF_MESSAGE = MailEvent(
    key="forum_staff_message", label="Forum: a message from the team", addressee="registrant",
    placeholders={**_EVENT, "subject": "The subject staff wrote", "message": "The text staff wrote"},
    default_subject="{subject}",
    default_body="Dear {name},\n\n{message}\n\nYour registration for {event_title}: {manage_url}\n" + SIGNATURE,
)
