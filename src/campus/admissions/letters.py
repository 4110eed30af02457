"""The letters of an offer: the offer letter (made when the offer is made) and the confirmation of the place
(made once it is accepted). One A4 page each, from the edition's data and the call's admission settings (the
contact person who signs, the travel and accommodation notes: staff-editable, never written here).

Python decides the wording (plain strings), the template ``typst/acceptance_letter.typ`` the layout of both.
One typst compile per letter (about 0.05 s).
"""

from pathlib import Path

from django.utils import dateformat, timezone

from campus.core.pdf import render_pdf
from campus.programme import selectors as programme_selectors
from campus.programme.models import Module

from .models import AdmissionSettings, Offer

LETTER_TEMPLATE = Path(__file__).resolve().parent / "typst" / "acceptance_letter.typ"
BOOKLET_NOTE = ("You will be asked to fill in your booklet profile: a short page about you and your cluster "
                "that the cohort and the public read in the programme's booklet.")


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


def addressed_as(application) -> str:
    """The name a letter or mail uses: the application's, else the account's; never the address."""
    return application.full_name or application.applicant.full_name


def contact(config: AdmissionSettings | None, programme) -> dict:
    """Who signs the letters and whom the admitted contact (the admission settings), else the team."""
    name = config.contact_name if config else ""
    return {
        "name": name or f"The {programme.short_name} team",
        "role": (config.contact_role if config and name else "") or "",
        "email": (config.contact_email if config else "") or programme.contact_email,
        "phone": config.contact_phone if config else "",
    }


def _contact_line(person: dict) -> str:
    reach = " · ".join(part for part in (person["email"], person["phone"]) if part)
    who = ", ".join(part for part in (person["name"], person["role"]) if part)
    return f"{who}: {reach}" if reach else who


def meetup_when(meetup) -> str:
    """"Tuesday 1 September 2020, 09:00–17:00 (EEST, Europe/Helsinki)": in the meetup's own zone."""
    start, end = meetup.local_start, meetup.local_end
    day = f"{start:%A} {start.day} {start:%B %Y}"
    if start.date() == end.date():
        return f"{day}, {start:%H:%M}–{end:%H:%M} ({start:%Z}, {meetup.timezone})"
    return f"{day}, {start:%H:%M} – {end.day} {end:%B %Y}, {end:%H:%M} ({start:%Z}, {meetup.timezone})"


def meetup_where(meetup) -> str:
    if meetup.is_online:
        return "Online: the link comes with the programme of the meetup."
    return ", ".join(part for part in (meetup.venue, meetup.city, meetup.country.name if meetup.country else "")
                     if part)


def first_meetup(edition):
    return programme_selectors.meetups_of(edition).first()


def _letter(offer: Offer, *, config, modules, title: str) -> dict:
    application = offer.application
    call = application.call
    edition = call.edition
    programme = edition.programme
    signer = contact(config, programme)
    return {
        "title": title,
        "programme": programme.name,
        "short_name": programme.short_name,
        "edition": edition.name,
        "reference": application.reference,
        "name": addressed_as(application),
        "organisation": application.organisation,
        "salutation": f"Dear {addressed_as(application) or 'applicant'},",
        "modules": modules if modules is not None else module_rows(edition),
        "closing": "We look forward to working with you.",
        "signature": signer["name"],
        "signature_role": f"{signer['role']}, {programme.name}" if signer["role"] else programme.name,
        "contact_email": programme.contact_email,
        "sections": [],
        "reply_title": "",
        "reply_text": "",
    }


def acceptance_letter_data(offer: Offer, *, modules: list[dict] | None = None,
                           config: AdmissionSettings | None = None) -> dict:
    """The offer letter (its attachment name and URL keep the older word "acceptance letter")."""
    call = offer.application.call
    edition, programme = call.edition, call.edition.programme
    config = config if config is not None else AdmissionSettings.objects.filter(call=call).first()
    data = _letter(offer, config=config, modules=modules,
                   title=f"Offer of a place in the {programme.short_name} {edition.name}")
    reply_by = dateformat.format(timezone.localtime(offer.reply_by, call.zone), "j F Y") if offer.reply_by else ""
    signer = contact(config, programme)
    data.update(
        date=dateformat.format(timezone.localtime(offer.made_at or timezone.now(), call.zone), "j F Y"),
        paragraphs=[
            f"We are delighted to offer you a place in the {edition.name} edition of the {programme.name}. "
            f"The team reviewed every application with care; {edition.capacity} cluster managers are admitted "
            "to this edition, and you are one of them.",
            f"The education runs in {len(data['modules'])} modules, each with its meetups:",
        ],
        reply_title=f"Please reply by {reply_by}" if reply_by else "Please reply",
        reply_text="Accept or decline the offer on your application's status page. If we have not heard from "
        "you by then, the place goes to the next person on the waitlist.",
        sections=[{"title": "Questions?", "lines": [f"Write to {_contact_line(signer)}."]}],
    )
    return data


def confirmation_data(offer: Offer, *, config: AdmissionSettings | None = None, meetup=None) -> dict:
    """The confirmation of an accepted place: what happens next (the first meetup, travel, accommodation,
    the booklet profile, whom to contact)."""
    call = offer.application.call
    edition, programme = call.edition, call.edition.programme
    config = config if config is not None else AdmissionSettings.objects.filter(call=call).first()
    meetup = meetup if meetup is not None else first_meetup(edition)
    data = _letter(offer, config=config, modules=None,
                   title=f"Your place in the {programme.short_name} {edition.name} is confirmed")
    accepted = offer.responded_at or timezone.now()
    sections = []
    if meetup is not None:
        sections.append({"title": "The first meetup", "lines": [
            f"{meetup.title} (Module {meetup.module.number}: {meetup.module.title})",
            f"When: {meetup_when(meetup)}",
            f"Where: {meetup_where(meetup)}",
        ]})
    for title, note in (("Travel", config.travel_note if config else ""),
                        ("Accommodation", config.accommodation_note if config else "")):
        if note.strip():
            sections.append({"title": title, "lines": [line for line in note.strip().splitlines() if line.strip()]})
    sections.append({"title": "Your booklet profile", "lines": [BOOKLET_NOTE]})
    sections.append({"title": "Whom to contact", "lines": [_contact_line(contact(config, programme))]})
    data.update(
        date=dateformat.format(timezone.localtime(accepted, call.zone), "j F Y"),
        paragraphs=[
            f"Thank you for accepting your place in the {edition.name} edition of the {programme.name}. "
            f"This letter confirms it: you are a participant of this edition, from the first module to the last.",
            "Here is what happens next.",
        ],
        modules=[],
        sections=sections,
    )
    return data


def acceptance_letter_pdf(offer: Offer) -> bytes:
    return render_pdf(LETTER_TEMPLATE, data=acceptance_letter_data(offer))


def confirmation_pdf(offer: Offer) -> bytes:
    return render_pdf(LETTER_TEMPLATE, data=confirmation_data(offer))


def _stored(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def attachment(message) -> list[tuple[str, bytes, str]]:
    """Outbox attachment provider "acceptance_letter": the offer letter of the offer the message is about."""
    from .services import ensure_letter

    offer = _offer_of(message)
    if offer is None or offer.state not in (Offer.State.OPEN, Offer.State.ACCEPTED):
        return []
    offer = ensure_letter(offer=offer)
    return [(f"offer-letter-{offer.application.reference}.pdf", _stored(offer.letter), "application/pdf")]


def confirmation_attachment(message) -> list[tuple[str, bytes, str]]:
    """Outbox attachment provider "place_confirmation": the confirmation of the accepted place."""
    from .services import ensure_confirmation

    offer = _offer_of(message)
    if offer is None or offer.state != Offer.State.ACCEPTED:
        return []
    offer = ensure_confirmation(offer=offer)
    return [(f"place-confirmation-{offer.application.reference}.pdf", _stored(offer.confirmation),
             "application/pdf")]


def _offer_of(message) -> Offer | None:
    if message.related_type != "admissions.offer" or not message.related_id:
        return None
    return Offer.objects.filter(pk=message.related_id).first()


def confirmation_context(offer: Offer) -> dict:
    """The placeholders of the "place_confirmed" mail (plain text; an empty one takes its line with it)."""
    call = offer.application.call
    programme = call.edition.programme
    config = AdmissionSettings.objects.filter(call=call).first()
    meetup = first_meetup(call.edition)
    return {
        "first_meetup": (f"{meetup.title}, {meetup_when(meetup)}. {meetup_where(meetup)}" if meetup else ""),
        "travel_note": " ".join((config.travel_note if config else "").split()),
        "accommodation_note": " ".join((config.accommodation_note if config else "").split()),
        "contact": _contact_line(contact(config, programme)),
    }
