"""Mail templates: which ``{placeholders}`` each event offers, checking a template, and filling it in.

A template is plain text with ``{name}``-style placeholders; ``{{`` and ``}}`` stand for a literal brace.
Filling in never evaluates anything: the template is split into literal text and placeholder names once
(``string.Formatter.parse``, no ``str.format``: no attribute access, no format specs), and each value is
inserted as plain text. A value that itself contains ``{x}`` or ``{{ }}`` (an applicant typed it) stays
exactly as typed.
"""

from string import Formatter

from .models import Event

# Offered in every event (compose() fills them in; the context may override them).
STANDARD = {
    "name": "The recipient's name",
    "email": "The recipient's email address",
    "programme": "The programme's name",
    "programme_short": "The programme's short name",
    "edition": "The edition, for example 2020–2021",
    "team_email": "The programme team's address",
    "site_url": "The address of the site",
    "status_url": "The applicant's status page",
}

# Offered per event: what the code that composes the mail puts in the context (docs/communications.md).
PER_EVENT = {
    Event.RECEIVED: {
        "reference": "The application's reference",
        "submitted_at": "When the application was submitted (in the call's time zone)",
        "status": "The application's status, as the applicant sees it",
        "decision_note": "When decisions are expected (a sentence, or nothing)",
        "answers": "A copy of the applicant's answers",
        "consent_version": "The version of the privacy notice the applicant accepted",
    },
    Event.MORE_INFORMATION: {
        "reference": "The application's reference",
        "request": "What the team asks for",
        "reply_by": "The new deadline (in the call's time zone)",
    },
    Event.INTERVIEW_INVITATION: {
        "reference": "The application's reference",
        "message": "A note from the team to the invited applicants (may be empty)",
        "book_by": "Until when a slot can be booked",
        "booking_url": "Where the applicant books a slot",
    },
    Event.INTERVIEW_BOOKED: {
        "reference": "The application's reference",
        "when": "The interview's date and time, in its time zone",
        "where": "The online link or the place",
        "panel": "Who will interview",
    },
    Event.OFFER: {
        "reference": "The application's reference",
        "reply_by": "The reply-by date of the offer",
        "offer_url": "Where the applicant accepts or declines",
    },
    Event.WAITLISTED: {
        "reference": "The application's reference",
        "rank": "The place on the waitlist",
    },
    Event.PROMOTED: {
        "reference": "The application's reference",
        "reply_by": "The reply-by date of the offer",
        "offer_url": "Where the applicant accepts or declines",
    },
    Event.REJECTED: {
        "reference": "The application's reference",
        "feedback": "A comment of the team for the applicant (may be empty)",
    },
    Event.REMINDER: {
        "reference": "The application's reference",
        "reply_by": "The reply-by date of the offer",
        "offer_url": "Where the applicant accepts or declines",
    },
    Event.REVIEW_REMINDER: {
        "outstanding": "How many reviews are outstanding",
        "review_url": "The reviewer's queue",
        "review_until": "Until when reviews are open (may be empty)",
    },
}


def placeholders_for(event: str) -> dict[str, str]:
    """Every placeholder ``event`` offers, name -> description (standard ones first)."""
    return {**STANDARD, **PER_EVENT.get(event, {})}


class TemplateError(ValueError):
    """A template that cannot be filled in; the message is meant for the person who wrote it."""


def _parts(text: str) -> list[tuple[str, str | None]]:
    """(literal, placeholder or None) pairs; raises TemplateError for broken braces and anything but a name."""
    try:
        parsed = list(Formatter().parse(text))
    except ValueError as error:
        raise TemplateError(
            "A brace is not closed or not opened: write placeholders as {name}, and a literal brace as {{ or }}."
        ) from error
    parts = []
    for literal, field, spec, conversion in parsed:
        if field is None:
            parts.append((literal, None))
            continue
        if not field.isidentifier() or spec or conversion:
            shown = "{" + field + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            raise TemplateError(f"{shown} is not a placeholder: write a placeholder as a plain name, like {{name}}.")
        parts.append((literal, field))
    return parts


def check(text: str, event: str) -> None:
    """Raise TemplateError naming what is wrong with ``text`` as a template of ``event``."""
    offered = placeholders_for(event)
    unknown = []
    for _literal, field in _parts(text):
        if field is not None and field not in offered and field not in unknown:
            unknown.append(field)
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        raise TemplateError(
            f"Unknown placeholder{'s' if len(unknown) > 1 else ''} {names}. This mail offers: "
            + ", ".join("{" + name + "}" for name in offered) + "."
        )


def fill(text: str, context: dict) -> str:
    """``text`` with each placeholder replaced by the plain text of its value (missing: empty).

    A template that does not parse (it was checked when saved, so only a hand-edited row) is sent as it is.
    """
    try:
        parts = _parts(text)
    except TemplateError:
        return text
    out = ""
    drop = 0
    for literal, field in parts:
        while drop and literal.startswith("\n"):
            literal, drop = literal[1:], drop - 1
        drop = 0
        out += literal
        if field is not None:
            value = context.get(field, "")
            value = "" if value is None else str(value)
            out += value
            # An empty placeholder alone on its line takes its line (and, in its own paragraph, one blank line)
            # with it: no stray blank lines where a sentence is left out.
            if not value and (not out or out.endswith("\n")):
                drop = 2 if out.endswith("\n\n") else 1
    return out


def one_line(text: str) -> str:
    """A subject: line breaks (a CR typed into a name) and runs of space become one space."""
    return " ".join(text.split())
