"""The mail the forum sends to registrants (registered from plugin.py; staff edit the texts in the outbox's
mail templates), what fills their placeholders, and the confirmation's attachments (.ics and the QR code)."""

from django.utils import dateformat

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

_EVENT = {
    "event_title": "The event's title",
    "event_dates": "The event's dates, e.g. 20–21 June 2022",
    "event_place": "Venue and city",
    "event_url": "The event's public page",
    "manage_url": "The registrant's own page (state, links)",
}
_CANCEL = {"cancel_url": "The page where the registrant cancels (asks for a confirming click)"}


def _event(key, label, subject, body, placeholders=None, attachment=""):
    return MailEvent(key=key, label=label, placeholders={**_EVENT, **(placeholders or {})},
                     default_subject=subject, default_body=body + "\n" + SIGNATURE, attachment=attachment,
                     addressee="registrant")


EVENTS = (
    _event("forum_confirm_email", "Forum: confirm your address", "Confirm your registration: {event_title}",
           """Dear {name},

Someone (we hope you) registered this address for {event_title} ({event_dates}, {event_place}).

To confirm the address and complete the registration, open this page and press "Confirm":
{confirm_url}

If it was not you, do nothing: the registration is deleted after a week.
""", {"confirm_url": "The page where the guest confirms the address"}),
    _event("forum_registered", "Forum: registration confirmed", "You are registered: {event_title}",
           """Dear {name},

You have a seat at {event_title}, {event_dates}, {event_place}.

The event for your calendar (forum.ics) and your personal QR code for the check-in (qr-code.png) are attached.
Your registration: {manage_url}

If you cannot come, please cancel, so that your seat goes to the next person on the waitlist:
{cancel_url}
""", _CANCEL, attachment="forum_registration"),
    _event("forum_waitlisted", "Forum: on the waitlist", "On the waitlist: {event_title}",
           """Dear {name},

{event_title} is full; you are number {position} on the waitlist. When a seat frees up we offer it to the
next person in line by mail; the offer is valid {offer_hours} hours.

Your registration: {manage_url}
To leave the waitlist: {cancel_url}
""", {**_CANCEL, "position": "Place on the waitlist", "offer_hours": "How long an offer is valid"}),
    _event("forum_offer", "Forum: a seat is offered", "A seat for you: {event_title}",
           """Dear {name},

A seat at {event_title} ({event_dates}, {event_place}) has freed up, and it is yours if you take it by
{offer_expires}:
{accept_url}

If you no longer want it, please say so, and the seat goes to the next person:
{cancel_url}
""", {**_CANCEL, "accept_url": "The page where the registrant takes the seat",
      "offer_expires": "Until when the offer is valid (the event's time zone)"}),
    _event("forum_offer_lapsed", "Forum: the offer lapsed", "The seat offered to you has gone: {event_title}",
           """Dear {name},

The seat at {event_title} offered to you was not taken by {offer_expires}, so it went to the next person on
the waitlist. Your registration: {manage_url}
""", {"offer_expires": "Until when the offer was valid"}),
    _event("forum_cancelled", "Forum: registration cancelled", "Registration cancelled: {event_title}",
           """Dear {name},

Your registration for {event_title} ({event_dates}) is cancelled. You are welcome to register again while
registration is open: {event_url}
"""),
    _event("forum_your_links", "Forum: your registration's links", "Your registration: {event_title}",
           """Dear {name},

This address is already registered for {event_title} ({event_dates}). Your registration, where you can
also cancel it: {manage_url}
"""),
)


def event_dates(event) -> str:
    start, end = event.starts_on, event.ends_on
    if start == end:
        return dateformat.format(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{dateformat.format(end, 'j F Y')}"
    if start.year == end.year:
        return f"{dateformat.format(start, 'j F')} – {dateformat.format(end, 'j F Y')}"
    return f"{dateformat.format(start, 'j F Y')} – {dateformat.format(end, 'j F Y')}"


def event_place(event) -> str:
    return ", ".join(part for part in (event.venue, event.city, event.country.name if event.country else "") if part)


def context_for(registration) -> dict:
    """The placeholders of the forum's mails for ``registration``."""
    from .selectors import waitlist_position
    from .services.common import _outbox, personal_url

    event = registration.event
    programme = event.programme
    expires = registration.offer_expires_at
    return {
        "name": registration.name, "event_title": event.title, "event_dates": event_dates(event),
        "event_place": event_place(event), "event_url": _outbox().site_url() + event.get_absolute_url(),
        "manage_url": personal_url(registration), "cancel_url": personal_url(registration, "cancel"),
        "confirm_url": personal_url(registration, "confirm"), "accept_url": personal_url(registration, "accept"),
        "offer_expires": dateformat.format(expires.astimezone(event.zone), "j F Y, H:i T") if expires else "",
        "offer_hours": str(event.offer_hours),
        "position": str(waitlist_position(registration) or ""),
        "programme": programme.name, "programme_short": programme.short_name, "team_email": programme.contact_email,
    }
