"""The acceptance letter: one A4 page per admitted person, from the edition's data (typst).

Python decides the wording (:func:`acceptance_letter_data`, plain strings), the template
``typst/acceptance_letter.typ`` the layout. One typst compile per letter (about 0.05 s).
"""

from pathlib import Path

from django.utils import dateformat, timezone

from campus.core.pdf import render_pdf
from campus.programme.models import Module

from .models import Offer

LETTER_TEMPLATE = Path(__file__).resolve().parent / "typst" / "acceptance_letter.typ"


def _span(start, end) -> str:
    if start == end:
        return dateformat.format(start, "j M Y")
    if start.year == end.year:
        return f"{dateformat.format(start, 'j M')} – {dateformat.format(end, 'j M Y')}"
    return f"{dateformat.format(start, 'j M Y')} – {dateformat.format(end, 'j M Y')}"


def module_rows(edition) -> list[dict]:
    rows = []
    for module in Module.objects.filter(edition=edition).order_by("number"):
        rows.append({
            "number": str(module.number),
            "title": module.title,
            "place": ", ".join(part for part in (module.city, module.country.name) if part),
            "dates": _span(module.starts_on, module.ends_on),
        })
    return rows


def acceptance_letter_data(offer: Offer, *, modules: list[dict] | None = None) -> dict:
    application = offer.application
    call = application.call
    edition = call.edition
    programme = edition.programme
    name = application.full_name or application.applicant.get_full_name() or application.applicant.email
    reply_by = (
        dateformat.format(timezone.localtime(offer.reply_by, call.zone), "j F Y") if offer.reply_by else ""
    )
    modules = modules if modules is not None else module_rows(edition)
    return {
        "title": f"Offer of a place in the {programme.short_name} {edition.name}",
        "programme": programme.name,
        "short_name": programme.short_name,
        "edition": edition.name,
        "reference": application.reference,
        "name": name,
        "organisation": application.organisation,
        "date": dateformat.format(timezone.localtime(offer.made_at or timezone.now(), call.zone), "j F Y"),
        "salutation": f"Dear {name},",
        "paragraphs": [
            f"we are delighted to offer you a place in the {edition.name} edition of the {programme.name}. "
            f"The team reviewed every application with care; {edition.capacity} cluster managers are admitted "
            "to this edition, and you are one of them.",
            f"The education runs in {len(modules)} modules, each with its meetups:",
        ],
        "modules": modules,
        "reply_title": f"Please reply by {reply_by}" if reply_by else "Please reply",
        "reply_text": "Accept or decline the offer on your application's status page. If we have not heard from "
        "you by then, the place goes to the next person on the waitlist.",
        "closing": "We look forward to working with you.",
        "signature": f"The {programme.short_name} team",
        "contact_email": programme.contact_email,
    }


def acceptance_letter_pdf(offer: Offer) -> bytes:
    return render_pdf(LETTER_TEMPLATE, data=acceptance_letter_data(offer))


def attachment(message) -> list[tuple[str, bytes, str]]:
    """Outbox attachment provider "acceptance_letter": the letter of the offer the message is about."""
    from .services import ensure_letter

    if message.related_type != "admissions.offer" or not message.related_id:
        return []
    offer = Offer.objects.filter(pk=message.related_id).first()
    if offer is None or offer.state not in (Offer.State.OPEN, Offer.State.ACCEPTED):
        return []
    offer = ensure_letter(offer=offer)
    with offer.letter.open("rb") as handle:
        content = handle.read()
    return [(f"acceptance-letter-{offer.application.reference}.pdf", content, "application/pdf")]
