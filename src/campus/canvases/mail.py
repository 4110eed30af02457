"""The mail the canvases send: a module lead's feedback on a canvas (registered from plugin.py; staff override the
text per edition in the outbox's mail templates)."""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

from .services import FEEDBACK_EVENT

EVENTS = (
    MailEvent(
        key=FEEDBACK_EVENT,
        label="Feedback on your canvas",
        placeholders={
            "canvas": "The canvas's title",
            "lead": "The module lead who wrote the feedback",
            "canvas_url": "The canvas's page, with the feedback",
        },
        default_subject="Feedback on your canvas “{canvas}”",
        default_body="""Dear {name},

{lead} has written feedback on your canvas “{canvas}”. Read it on the canvas's page:
{canvas_url}

""" + SIGNATURE,
        addressee="participant",
    ),
)
