"""The mail the surveys app sends: a reminder to participants who have not answered an open survey.

Registered from ``plugin.py``; staff override the text per edition in the outbox's mail templates.
"""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

EVENTS = (
    MailEvent(
        key="survey_reminder",
        label="Reminder to answer a survey",
        placeholders={
            "survey": "The survey's title",
            "closes": "When the survey closes, in its time zone",
            "survey_url": "Where the participant answers",
            "anonymous": "“anonymous” or “named”",
        },
        default_subject="A survey is waiting for you: {survey}",
        default_body="""Dear {name},

Your view on the {programme} {edition} helps us make it better. The survey “{survey}” is open
until {closes}, and you have not answered it yet. Your answers are {anonymous}.

Answer it here (you can save part-way and come back later):
{survey_url}

""" + SIGNATURE,
        addressee="participant",
    ),
)
