"""The mail the review app sends: a reminder to a reviewer with reviews outstanding.

Registered from ``plugin.py`` (``campus.core.plugins.mail``); staff override the texts per edition in the
outbox's mail templates. Written for the seed programme, in the programme's own voice; every programme-specific
fact is a placeholder, so the texts fit the next edition too.
"""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

EVENTS = (
    MailEvent(
        key="review_reminder",
        label="Reminder to a reviewer: reviews outstanding",
        addressee="reviewer",
        placeholders={
            "outstanding": "How many reviews are outstanding",
            "review_url": "The reviewer's queue",
            "review_until": "Until when reviews are open (may be empty)",
        },
        default_subject="{outstanding} reviews are waiting for you",
        default_body="""Dear {name},

{outstanding} applications to the {programme} {edition} are waiting for your review.
Reviews are open until {review_until}.

Your queue: {review_url}

Thank you for your time,
The {programme_short} team""",
    ),
)
