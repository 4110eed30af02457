"""The default mail template of every event (loaded by migration 0002; staff override them per edition).

Written for the seed programme (the BSR Cluster Manager Education), in the programme's own voice; every
programme-specific fact is a placeholder, so the texts fit the next edition too. See rendering.PER_EVENT for
what each event offers.
"""

SIGNATURE = """Kind regards,
The {programme_short} team
{team_email}"""

DEFAULTS = {
    "received": (
        "We received your application {reference}",
        """Dear {name},

thank you for applying to the {programme} {edition}.
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
    "more_information": (
        "Action required: more information for application {reference}",
        """Dear {name},

the {programme_short} team asks for more information about your application {reference}:

{request}

Please sign in, correct your application and submit it again by {reply_by}:
{status_url}

""" + SIGNATURE,
    ),
    "interview_invitation": (
        "Invitation to an interview: {programme_short} {edition}",
        """Dear {name},

thank you for your application {reference} to the {programme} {edition}. We enjoyed reading it and would like
to get to know you better in a short interview with the project team.

{message}

Please choose a time that suits you on your status page by {book_by}:
{booking_url}

The interview is a conversation about your cluster, what you hope to gain from the education and how the
four modules fit your working year. There is nothing to prepare.

""" + SIGNATURE,
    ),
    "interview_booked": (
        "Your interview: {when}",
        """Dear {name},

your interview for the {programme} {edition} is booked.

When: {when}
Where: {where}
With: {panel}

The invitation for your calendar is on your status page:
{status_url}

If you cannot make it, please write to us at {team_email} as soon as you can.

""" + SIGNATURE,
    ),
    "offer": (
        "Action required: your place in the {programme_short} {edition}",
        """Dear {name},

congratulations! We are delighted to offer you a place in the {programme} {edition}.

Your acceptance letter is attached. Please accept or decline the offer on your status page by {reply_by}:
{offer_url}

If we have not heard from you by then, the place goes to the next person on the waitlist.

We look forward to learning with you and your cluster.

""" + SIGNATURE,
    ),
    "waitlisted": (
        "Your application {reference}: on the waitlist",
        """Dear {name},

thank you for your application to the {programme} {edition}. We received many strong applications for the
places in this edition, and we cannot offer you one now.

You are number {rank} on the waitlist. When a place becomes free, we offer it to the next person on the
list and write to you at once. You can follow your place on your status page:
{status_url}

""" + SIGNATURE,
    ),
    "promoted": (
        "Action required: a place in the {programme_short} {edition} is yours",
        """Dear {name},

good news: a place in the {programme} {edition} has become free, and we are delighted to offer it to you.

Your acceptance letter is attached. Please accept or decline the offer on your status page by {reply_by}:
{offer_url}

""" + SIGNATURE,
    ),
    "rejected": (
        "Your application {reference} to the {programme_short} {edition}",
        """Dear {name},

thank you for your application to the {programme} {edition} and for the time you gave it.

We received many strong applications for the places in this edition, and we are sorry that we cannot offer
you one.

{feedback}

We would be glad to see you apply for a future edition; you can sign up for news on {site_url}

""" + SIGNATURE,
    ),
    "reminder": (
        "Action required: please reply to your offer by {reply_by}",
        """Dear {name},

a friendly reminder: your place in the {programme} {edition} is waiting for your answer.

Please accept or decline the offer on your status page by {reply_by}:
{offer_url}

After that date the place goes to the next person on the waitlist.

""" + SIGNATURE,
    ),
    "review_reminder": (
        "{outstanding} reviews are waiting for you",
        """Dear {name},

{outstanding} applications to the {programme} {edition} are waiting for your review.
Reviews are open until {review_until}.

Your queue: {review_url}

Thank you for your time,
The {programme_short} team""",
    ),
}
