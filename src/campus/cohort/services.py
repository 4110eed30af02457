"""The only place that changes the cohort. Keyword-only arguments, one transaction each, an activity-log entry."""

from django.db import IntegrityError, transaction

from campus.core.activity import log_activity

from .models import Participant


def enrol(*, application, actor=None) -> Participant:
    """Make the applicant of ``application`` a participant of its edition (once: a second call, or a
    concurrent one, returns the same row; the database refuses a second by the unique constraint)."""
    edition_id = application.call.edition_id
    existing = Participant.objects.filter(edition_id=edition_id, user_id=application.applicant_id).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                edition_id=edition_id, user_id=application.applicant_id, application=application
            )
            log_activity(action="cohort.enrolled", target=participant, actor=actor,
                         **{"from": "offer accepted", "to": "participant"}, application=application.reference)
    except IntegrityError:
        return Participant.objects.get(edition_id=edition_id, user_id=application.applicant_id)
    return participant


def enrol_on_acceptance(sender, *, offer, actor=None, **kwargs) -> None:
    """Receiver of admissions' ``offer_accepted`` signal."""
    enrol(application=offer.application, actor=actor)


def remove_participant(*, participants) -> int:
    """Erasure of a person (called by the privacy handler, which logs it): their participant records (ids) are
    deleted; their accepted offer stays, so the place is not offered again."""
    return Participant.objects.filter(pk__in=participants).delete()[0]
