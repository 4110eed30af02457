"""Review criteria and phases, as a part of an edition's clone (campus.core.plugins.clone; registered in
plugin.py): each call's copy gets the phases (reviews open, none active yet, the same rules) and the criteria
with their weights and scales. No assignment, conflict of interest, review or score is copied."""

from __future__ import annotations

from campus.applications.models import Call
from campus.core.plugins import clone
from campus.core.plugins.clone import PartPlan, duplicate

from .models import Criterion, ReviewPhase


def plan_review(source, shift) -> PartPlan:
    return PartPlan(key="review", label="Review criteria and phases", counts={
        "review phases": ReviewPhase.objects.filter(call__edition=source).count(),
        "criteria": Criterion.objects.filter(call__edition=source).count()})


def copy_review(source, target, shift, mapping) -> None:
    for model, changes in ((ReviewPhase, {"is_active": False}), (Criterion, {})):
        rows = [row for row in model.objects.filter(call__edition=source).order_by("pk")
                if mapping.get(Call, row.call_id) is not None]
        made = model.objects.bulk_create(duplicate(r, call=mapping.get(Call, r.call_id), **changes) for r in rows)
        for old, new in zip(rows, made):
            mapping.add(old, new)


def register() -> None:
    clone.register(clone.Part(
        key="review", label="Review criteria and phases", order=50, owner="review", depends_on=("call",),
        description="The review phases (none active yet) and the criteria with their weights and scales.",
        plan=plan_review, copy=copy_review))
