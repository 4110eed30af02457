"""The acceptance letters: made once per offer, in the background, and stored."""

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
    data = [acceptance_letter_data(offer, modules=modules[offer.application.call.edition_id]) for offer in offers]
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
