"""The mail coursework sends: the module lead's feedback on an attempt (registered from plugin.py; staff
override the text per edition in the outbox's mail templates)."""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

from .services import FEEDBACK_EVENT

EVENTS = (
    MailEvent(
        key=FEEDBACK_EVENT,
        label="Feedback on an assignment",
        placeholders={
            "assignment": "The assignment's title",
            "module": "The module, e.g. Module 1: Cluster basics",
            "decision": "The decision: revision asked or accepted",
            "assignment_url": "The assignment's page, with the feedback",
        },
        default_subject="Feedback on “{assignment}”: {decision}",
        default_body="""Dear {name},

Your module lead has read your work on “{assignment}” ({module}) and written feedback.

Decision: {decision}

Read the feedback and, where a revision is asked, submit your next attempt here:
{assignment_url}

""" + SIGNATURE,
        addressee="participant",
    ),
)
