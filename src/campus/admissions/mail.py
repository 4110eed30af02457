"""The mails the admissions app sends: the decision mails and the reminder to reply to an offer.

Registered from ``plugin.py`` (``campus.core.plugins.mail``); staff override the texts per edition in the
outbox's mail templates. Written for the seed programme, in the programme's own voice; every programme-specific
fact is a placeholder, so the texts fit the next edition too.
"""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

LETTER_ATTACHMENT = "acceptance_letter"  # the outbox attachment provider of an offer (letters.attachment)
CONFIRMATION_ATTACHMENT = "place_confirmation"  # ... of an accepted offer (letters.confirmation_attachment)

EVENTS = (
    MailEvent(
        key="offer",
        label="Offer of a place",
        placeholders={
            "reference": "The application's reference",
            "reply_by": "The reply-by date of the offer",
            "offer_url": "Where the applicant accepts or declines",
        },
        default_subject="Action required: your place in the {programme_short} {edition}",
        default_body="""Dear {name},

Congratulations! We are delighted to offer you a place in the {programme} {edition}.

Your offer letter is attached. Please accept or decline the offer on your status page by {reply_by}:
{offer_url}

If we have not heard from you by then, the place goes to the next person on the waitlist.

We look forward to learning with you and your cluster.

""" + SIGNATURE,
        attachment=LETTER_ATTACHMENT,
    ),
    MailEvent(
        key="waitlisted",
        label="Put on the waitlist",
        placeholders={
            "reference": "The application's reference",
            "rank": "The place on the waitlist",
        },
        default_subject="Your application {reference}: on the waitlist",
        default_body="""Dear {name},

Thank you for your application to the {programme} {edition}. We received many strong applications for the
places in this edition, and we cannot offer you one now.

You are number {rank} on the waitlist. When a place becomes free, we offer it to the next person on the
list and write to you at once. You can follow your place on your status page:
{status_url}

""" + SIGNATURE,
    ),
    MailEvent(
        key="promoted",
        label="Promoted from the waitlist",
        placeholders={
            "reference": "The application's reference",
            "reply_by": "The reply-by date of the offer",
            "offer_url": "Where the applicant accepts or declines",
        },
        default_subject="Action required: a place in the {programme_short} {edition} is yours",
        default_body="""Dear {name},

Good news: a place in the {programme} {edition} has become free, and we are delighted to offer it to you.

Your offer letter is attached. Please accept or decline the offer on your status page by {reply_by}:
{offer_url}

""" + SIGNATURE,
        attachment=LETTER_ATTACHMENT,
    ),
    MailEvent(
        key="rejected",
        label="Not admitted",
        placeholders={
            "reference": "The application's reference",
            "feedback": "A comment of the team for the applicant (may be empty)",
        },
        default_subject="Your application {reference} to the {programme_short} {edition}",
        default_body="""Dear {name},

Thank you for your application to the {programme} {edition} and for the time you gave it.

We received many strong applications for the places in this edition, and we are sorry that we cannot offer
you one.

{feedback}

We would be glad to see you apply for a future edition; you can sign up for news on {site_url}

""" + SIGNATURE,
    ),
    MailEvent(
        key="place_confirmed",
        label="Place confirmed (offer accepted)",
        placeholders={
            "reference": "The application's reference",
            "first_meetup": "The first meetup: what, when (in its time zone) and where",
            "travel_note": "Travel notes (admission settings; may be empty)",
            "accommodation_note": "Accommodation notes (admission settings; may be empty)",
            "contact": "The contact person: name, role, address and phone",
        },
        default_subject="Your place in the {programme_short} {edition} is confirmed",
        default_body="""Dear {name},

Thank you for accepting your place in the {programme} {edition}: it is confirmed. The confirmation of your
place is attached.

What happens next:

The first meetup: {first_meetup}

{travel_note}

{accommodation_note}

You will be asked to fill in your booklet profile, a short page about you and your cluster for the
programme's booklet.

Questions? Write to {contact}.

""" + SIGNATURE,
        attachment=CONFIRMATION_ATTACHMENT,
    ),
    MailEvent(
        key="offer_declined",
        label="Offer declined",
        placeholders={
            "reference": "The application's reference",
        },
        default_subject="You declined your place in the {programme_short} {edition}",
        default_body="""Dear {name},

Thank you for letting us know that you decline the place we offered you in the {programme} {edition}
(application {reference}). The place now goes to the next person on the waitlist.

If you declined by mistake, please write to us at {team_email} at once.

We would be glad to see you apply for a future edition; you can sign up for news on {site_url}

""" + SIGNATURE,
    ),
    MailEvent(
        key="reminder",
        label="Reminder: reply to the offer",
        placeholders={
            "reference": "The application's reference",
            "reply_by": "The reply-by date of the offer",
            "offer_url": "Where the applicant accepts or declines",
        },
        default_subject="Action required: please reply to your offer by {reply_by}",
        default_body="""Dear {name},

A friendly reminder: your place in the {programme} {edition} is waiting for your answer.

Please accept or decline the offer on your status page by {reply_by}:
{offer_url}

After that date the place goes to the next person on the waitlist.

""" + SIGNATURE,
    ),
)
