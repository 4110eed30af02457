"""How a call is reviewed: its phases and criteria."""

from __future__ import annotations

from django.db import transaction

from campus.applications.models import Call
from campus.core.activity import log_activity

from ..models import Criterion, Kind, ReviewPhase
from .common import _error


# --- phases ---------------------------------------------------------------------------------------


PHASE_FIELDS = ("name", "reviews_open", "others_visible", "blind", "reviews_per_application")


def save_phase(*, call: Call, phase: ReviewPhase | None = None, actor, **values) -> ReviewPhase:
    unknown = set(values) - set(PHASE_FIELDS)
    if unknown:
        raise TypeError(f"unknown phase fields {sorted(unknown)}")
    if values.get("others_visible", ReviewPhase.Visibility.AFTER_OWN) not in ReviewPhase.Visibility.values:
        raise _error("Choose when reviewers see the others' reviews.", "others_visible")
    per = values.get("reviews_per_application", 2)
    if not 1 <= int(per) <= 20:
        raise _error("Between 1 and 20 reviews per application.", "reviews_per_application")
    with transaction.atomic():
        created = phase is None
        if created:
            phase = ReviewPhase(call=call, order=ReviewPhase.objects.filter(call=call).count())
        before = {field: getattr(phase, field) for field in PHASE_FIELDS} if not created else {}
        for field, value in values.items():
            setattr(phase, field, value)
        phase.save()
        after = {field: getattr(phase, field) for field in PHASE_FIELDS}
        changes = {k: v for k, v in after.items() if before.get(k) != v}
        if changes:
            log_activity(action="review.phase_created" if created else "review.phase_changed", target=phase,
                         actor=actor, **{"from": {k: before.get(k) for k in changes} if before else None, "to": changes})
    return phase


def activate_phase(*, phase: ReviewPhase, actor) -> ReviewPhase:
    """Make ``phase`` the one active phase of its call (the call row is locked while switching)."""
    with transaction.atomic():
        Call.objects.select_for_update().filter(pk=phase.call_id).first()
        current = ReviewPhase.objects.filter(call_id=phase.call_id, is_active=True).first()
        if current is not None and current.pk == phase.pk:
            return current
        if current is not None:
            current.is_active = False
            current.save(update_fields=["is_active", "updated_at"])
        phase.is_active = True
        phase.save(update_fields=["is_active", "updated_at"])
        log_activity(action="review.phase_activated", target=phase, actor=actor,
                     **{"from": current.pk if current else None, "to": phase.pk})
    return phase


# --- criteria -------------------------------------------------------------------------------------


def save_criterion(
    *, call: Call, criterion: Criterion | None = None, kind: str, name: str, description: str = "",
    weight: int, scale: list[str], actor,
) -> Criterion:
    if kind not in Kind.values:
        raise _error("Choose the kind of criterion.", "kind")
    if not name.strip():
        raise _error("Give the criterion a name.", "name")
    if not 1 <= int(weight) <= 10:
        raise _error("The weight is a whole number from 1 to 10.", "weight")
    scale = [str(label).strip() for label in scale]
    if len(scale) != 5 or not all(scale):
        raise _error("Give a label to each of the five scores.", "scale")
    with transaction.atomic():
        created = criterion is None
        if created:
            criterion = Criterion(call=call, order=Criterion.objects.filter(call=call, kind=kind).count() + 1)
        elif criterion.kind != kind and criterion.scores.exists():
            raise _error("Reviews use this criterion already: its kind cannot change.", "kind")
        before = {"name": criterion.name, "weight": criterion.weight} if not created else None
        criterion.kind, criterion.name, criterion.description = kind, name.strip(), description.strip()
        criterion.weight, criterion.scale = int(weight), scale
        criterion.save()
        log_activity(action="review.criterion_created" if created else "review.criterion_changed",
                     target=criterion, actor=actor,
                     **{"from": before, "to": {"name": criterion.name, "weight": criterion.weight}})
    return criterion


def delete_criterion(*, criterion: Criterion, actor) -> None:
    with transaction.atomic():
        if criterion.scores.exists():
            raise _error("Reviews have scored this criterion already; it cannot be deleted.")
        log_activity(action="review.criterion_deleted", target=criterion, actor=actor, name=criterion.name)
        criterion.delete()
