"""The mails the interviews app sends: the invitation to book a slot and the booking's confirmation.

Registered from ``plugin.py`` (``campus.core.plugins.mail``); staff override the texts per edition in the
outbox's mail templates. Written for the seed programme, in the programme's own voice; every programme-specific
fact is a placeholder, so the texts fit the next edition too.
"""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

from .services import ICS_ATTACHMENT

EVENTS = (
    MailEvent(
        key="interview_invitation",
        label="Invited to an interview",
        placeholders={
            "reference": "The application's reference",
            "message": "A note from the team to the invited applicants (may be empty)",
            "book_by": "Until when a slot can be booked",
            "booking_url": "Where the applicant books a slot",
        },
        default_subject="Invitation to an interview: {programme_short} {edition}",
        default_body="""Dear {name},

Thank you for your application {reference} to the {programme} {edition}. We enjoyed reading it and would like
to get to know you better in a short interview with the project team.

{message}

Please choose a time that suits you on your status page by {book_by}:
{booking_url}

The interview is a conversation about your cluster, what you hope to gain from the education and how the
four modules fit your working year. There is nothing to prepare.

""" + SIGNATURE,
    ),
    MailEvent(
        key="interview_booked",
        label="Interview booked",
        placeholders={
            "reference": "The application's reference",
            "when": "The interview's date and time, in its time zone",
            "where": "The online link or the place",
            "panel": "Who will interview",
        },
        default_subject="Your interview: {when}",
        default_body="""Dear {name},

Your interview for the {programme} {edition} is booked.

When: {when}
Where: {where}
With: {panel}

The invitation for your calendar is on your status page:
{status_url}

If you cannot make it, please write to us at {team_email} as soon as you can.

""" + SIGNATURE,
        attachment=ICS_ATTACHMENT,
    ),
)
