"""The letters of offers: the offer letter, made once per offer in the background, and the confirmation of the
place, made once when the offer is accepted (on first use: its mail's attachment or the download); both stored."""

from django.db import transaction

from campus.core.activity import log_activity

from ..models import Offer


def ensure_letter(*, offer) -> Offer:
    """Make the acceptance letter of ``offer`` once and store it (a second call returns the stored one)."""
    pk = getattr(offer, "pk", offer)
    ensure_letters(offer_ids=[pk])
    return Offer.objects.select_related("application__call").get(pk=pk)


def ensure_letters(*, offer_ids: list[int]) -> int:
    """Make the missing letters of these offers (one typst compile each, two at a time: typst releases the
    interpreter while it compiles) and store them; offers that have their letter keep it. Returns how many
    were made."""
    from concurrent.futures import ThreadPoolExecutor

    from django.core.files.base import ContentFile

    from campus.core.pdf import render_pdf

    from ..letters import LETTER_TEMPLATE, acceptance_letter_data, module_rows
    from ..models import AdmissionSettings

    offers = list(
        Offer.objects.filter(pk__in=offer_ids, letter="")
        .select_related("application__call__edition__programme", "application__applicant")
    )
    if not offers:
        return 0
    modules: dict[int, list] = {}
    for offer in offers:
        edition = offer.application.call.edition
        if edition.pk not in modules:
            modules[edition.pk] = module_rows(edition)
    configs = {c.call_id: c for c in AdmissionSettings.objects.filter(call__in={o.application.call_id for o in offers})}
    data = [acceptance_letter_data(offer, modules=modules[offer.application.call.edition_id],
                                   config=configs.get(offer.application.call_id)) for offer in offers]
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(lambda item: render_pdf(LETTER_TEMPLATE, data=item), data))
    made = 0
    with transaction.atomic():
        locked = {o.pk: o for o in Offer.objects.select_for_update().filter(pk__in=[o.pk for o in offers])}
        for offer, pdf in zip(offers, pdfs):
            row = locked.get(offer.pk)
            if row is None or row.letter:
                continue  # made by a concurrent run meanwhile
            row.letter.save(f"acceptance-letter-{offer.application.reference}.pdf", ContentFile(pdf), save=False)
            row.save(update_fields=["letter", "updated_at"])
            log_activity(action="admissions.letter_made", target=offer.application, actor=None)
            made += 1
    return made


def ensure_confirmation(*, offer) -> Offer:
    """Make the confirmation of the place of the accepted ``offer`` once and store it (later calls return the
    stored one). Nothing is made for an offer that is not accepted."""
    from django.core.files.base import ContentFile

    from ..letters import confirmation_pdf

    pk = getattr(offer, "pk", offer)
    current = Offer.objects.select_related("application__call__edition__programme", "application__applicant").get(pk=pk)
    if current.confirmation or current.state != Offer.State.ACCEPTED:
        return current
    pdf = confirmation_pdf(current)  # outside the lock: typst takes a moment
    with transaction.atomic():
        row = Offer.objects.select_for_update().get(pk=pk)
        if not row.confirmation and row.state == Offer.State.ACCEPTED:
            row.confirmation.save(f"place-confirmation-{current.application.reference}.pdf", ContentFile(pdf),
                                  save=False)
            row.save(update_fields=["confirmation", "updated_at"])
            log_activity(action="admissions.confirmation_made", target=current.application, actor=None)
    return Offer.objects.select_related("application__call").get(pk=pk)
