"""The mails the applications app sends: the receipt of a submission and a request for more information.

Registered from ``plugin.py`` (``campus.core.plugins.mail``); staff override the texts per edition in the
outbox's mail templates. Written for the seed programme, in the programme's own voice; every programme-specific
fact is a placeholder, so the texts fit the next edition too.
"""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

EVENTS = (
    MailEvent(
        key="received",
        label="Application received",
        placeholders={
            "reference": "The application's reference",
            "submitted_at": "When the application was submitted (in the call's time zone)",
            "status": "The application's status, as the applicant sees it",
            "decision_note": "When decisions are expected (a sentence, or nothing)",
            "answers": "A copy of the applicant's answers",
            "consent_version": "The version of the privacy notice the applicant accepted",
        },
        default_subject="We received your application {reference}",
        default_body="""Dear {name},

Thank you for applying to the {programme} {edition}.
We received your application {reference} on {submitted_at}.

Status: {status}.
{decision_note}

A copy of your answers:

{answers}

Privacy notice accepted: version {consent_version}.

You can follow your application, download this copy and withdraw it on your status page:
{status_url}

""" + SIGNATURE,
    ),
    MailEvent(
        key="more_information",
        label="More information requested",
        placeholders={
            "reference": "The application's reference",
            "request": "What the team asks for",
            "reply_by": "The new deadline (in the call's time zone)",
        },
        default_subject="Action required: more information for application {reference}",
        default_body="""Dear {name},

The {programme_short} team asks for more information about your application {reference}:

{request}

Please sign in, correct your application and submit it again by {reply_by}:
{status_url}

""" + SIGNATURE,
    ),
)
