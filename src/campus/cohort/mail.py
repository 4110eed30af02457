"""The mails the cohort app sends: a meetup's delivery mode changed (on site, blended, remote).

Registered from ``plugin.py``; staff override the text per edition in the outbox's mail templates.
"""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

MODE_CHANGED = "meetup_mode_changed"

EVENTS = (
    MailEvent(
        key=MODE_CHANGED,
        label="A meetup's mode changed (on site, blended, remote)",
        placeholders={
            "meetup": "The meetup's title and module",
            "when": "The meetup's dates and times, in its own time zone (named)",
            "mode": "The new mode: On site, Blended or Remote",
            "previous_mode": "The mode before the change",
            "note": "The team's note about the change (may be empty)",
            "where": "The place, or Online",
            "schedule_url": "The participant's schedule",
        },
        default_subject="{meetup} is now {mode}",
        default_body="""Dear {name},

The way we meet has changed: {meetup} ({when}) is now {mode} (it was {previous_mode}).

Where: {where}
{note}

Your schedule and your calendar feed show the change already:
{schedule_url}

""" + SIGNATURE,
        addressee="participant",
    ),
)
