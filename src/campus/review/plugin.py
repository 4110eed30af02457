"""What review plugs into the shared parts (campus.core.plugins): its mail event and its periodic job."""

from datetime import timedelta

from campus.core.plugins import jobs
from campus.core.plugins import mail as mail_events

from . import services
from .mail import EVENTS

for event in EVENTS:
    mail_events.register(event)

# at most one mail per reviewer per day anyway (the dedupe key holds the date)
jobs.register("review.remind_reviewers", services.remind_reviewers, every=timedelta(hours=24))
