"""What applications plugs into the shared parts (campus.core.plugins): its mail events."""

from campus.core.plugins import mail as mail_events

from .mail import EVENTS

for event in EVENTS:
    mail_events.register(event)
