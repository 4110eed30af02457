"""The admissions app's services for erasing a person (called by its privacy handler, privacy_handler.py,
inside the erasure's transaction; the privacy app logs the erasure with counts only). Kept apart from
services.py, which is being split by concern."""

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from campus.core.plugins.privacy import delete_file_on_commit

from . import services
from .models import Decision, Offer

logger = logging.getLogger(__name__)


def give_up_offers(*, applications, actor) -> int:
    """The person can no longer sign in to answer an offer: an open offer is declined on their behalf and a
    suggested promotion dismissed, so the place goes to the next on the waitlist at once (and no reminder is
    mailed to an erased account). Should a step refuse (e.g. a mail template is missing), the offer stays as it
    is and expires at its reply-by moment."""
    given_up = 0
    live = Offer.objects.filter(application_id__in=applications, state__in=[Offer.State.OPEN, Offer.State.SUGGESTED])
    for offer_id, state in live.values_list("pk", "state"):
        try:
            give_up = services.decline_offer if state == Offer.State.OPEN else services.dismiss_promotion
            give_up(offer=offer_id, actor=actor)  # its own savepoint: a refusal rolls back only itself
            given_up += 1
        except Exception:  # noqa: BLE001 - erasure goes on whatever admissions says
            logger.warning("Offer %s of an erased person was left as it is", offer_id, exc_info=True)
    return given_up


@transaction.atomic
def forget_applicant(*, applications) -> dict:
    """The decisions on an erased applicant's ``applications`` lose their note (the outcome stays, for the
    counts); the letters (offer, confirmation of the place) are deleted (from disk once committed; the offers'
    states and dates stay)."""
    counts = {"decisions": Decision.objects.filter(application_id__in=applications).exclude(note="").update(
        note="", updated_at=timezone.now()), "letters": 0}
    with_files = Q(letter="") & Q(confirmation="")
    for offer in Offer.objects.select_for_update().filter(application_id__in=applications).exclude(with_files):
        for field in ("letter", "confirmation"):
            if getattr(offer, field):
                delete_file_on_commit(getattr(offer, field))
                setattr(offer, field, "")
                counts["letters"] += 1
        offer.save(update_fields=["letter", "confirmation", "updated_at"])
    return counts
