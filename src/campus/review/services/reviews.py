"""Reviews: a reviewer's (or the interview panel's) scores and comments."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from campus.applications.models import Application
from campus.core.activity import log_activity

from ..models import ConflictOfInterest, Criterion, Kind, Review, ReviewAssignment, Score
from .common import REVIEWABLE_STATES, ReviewError, _error, active_phase, weighted_total


def _clean_scores(criteria: list[Criterion], scores: dict) -> dict[int, int]:
    known = {criterion.pk for criterion in criteria}
    cleaned: dict[int, int] = {}
    errors: dict[str, list[str]] = {}
    for key, value in (scores or {}).items():
        try:
            criterion_id = int(key)
        except (TypeError, ValueError):
            raise _error(f"Unknown criterion {key!r}.") from None
        if criterion_id not in known:
            raise _error("A score was given for a criterion that does not belong to this form.")
        cleaned[criterion_id] = value
    for criterion in criteria:
        value = cleaned.get(criterion.pk)
        field = f"criterion_{criterion.pk}"
        if value in (None, ""):
            errors[field] = [f"Choose a score from 1 to 5 for “{criterion.name}”."]
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or isinstance(value, bool) or str(number) != str(value).strip() or not 1 <= number <= 5:
            errors[field] = [f"The score for “{criterion.name}” must be a whole number from 1 to 5."]
            continue
        cleaned[criterion.pk] = number
    if errors:
        raise ReviewError(errors)
    return cleaned


def save_review(
    *,
    application: Application,
    reviewer,
    kind: str = Kind.REVIEW,
    scores: dict,
    recommendation: str,
    comment_team: str = "",
    comment_applicant: str = "",
    actor,
) -> Review:
    """Create or update the one review of ``reviewer`` for ``application`` of ``kind``.

    Every criterion of that kind of the call must be scored 1-5; ``total`` is the weighted mean. For reviews
    (kind "review") the reviewer must be assigned, have no conflict of interest, and the call's active phase
    must be open. Interview assessments (kind "interview") are checked by the interviews app (panel membership).
    """
    if kind not in Kind.values:
        raise _error("Unknown kind of review.")
    if recommendation not in Review.Recommendation.values:
        raise _error("Choose a recommendation: yes, maybe or no.", "recommendation")
    if application.state not in REVIEWABLE_STATES:
        raise _error("Only submitted applications are reviewed.")
    criteria = list(Criterion.objects.filter(call_id=application.call_id, kind=kind).order_by("order", "id"))
    if not criteria:
        raise _error("This call has no criteria for this kind of review yet.")
    cleaned = _clean_scores(criteria, scores)
    total = weighted_total((criterion.weight, cleaned[criterion.pk]) for criterion in criteria)

    with transaction.atomic():
        if kind == Kind.REVIEW:
            # the assignment row is the lock: two submits of the same review at once are serialised here
            assignment = (
                ReviewAssignment.objects.select_for_update()
                .filter(application=application, reviewer=reviewer, kind=Kind.REVIEW).first()
            )
            if assignment is None:
                raise _error("This application is not assigned to you.")
            if ConflictOfInterest.objects.filter(application=application, reviewer=reviewer).exists():
                raise _error("You declared a conflict of interest with this applicant.")
            phase = active_phase(application.call_id)
            if phase is None or not phase.reviews_open:
                raise _error("Reviews are closed: the review phase does not accept reviews now.")
        review = Review.objects.select_for_update().filter(application=application, reviewer=reviewer, kind=kind).first()
        now = timezone.now()
        previous = None
        if review is None:
            try:
                with transaction.atomic():
                    review = Review.objects.create(
                        application=application, reviewer=reviewer, kind=kind, recommendation=recommendation,
                        comment_team=comment_team, comment_applicant=comment_applicant, total=total,
                        submitted_at=now,
                    )
            except IntegrityError:  # the same review was created a moment ago (a double click)
                review = Review.objects.select_for_update().get(application=application, reviewer=reviewer, kind=kind)
                previous = str(review.total)
        else:
            previous = str(review.total)
        if previous is not None:
            review.recommendation = recommendation
            review.comment_team = comment_team
            review.comment_applicant = comment_applicant
            review.total = total
            review.submitted_at = now
            review.save()
            Score.objects.filter(review=review).delete()
        Score.objects.bulk_create(
            Score(review=review, criterion_id=criterion.pk, value=cleaned[criterion.pk]) for criterion in criteria
        )
        log_activity(
            action="review.review_saved" if previous is None else "review.review_changed",
            target=review, actor=actor, application=application.pk, kind=kind,
            **{"from": previous, "to": str(total)}, recommendation=recommendation,
        )
    return review
