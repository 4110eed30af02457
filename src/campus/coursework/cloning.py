"""Assignments, as a part of an edition's clone (campus.core.plugins.clone; registered in plugin.py): each goes to
the copy of its module, due at the same local time of the module's zone, open for submissions. Materials (files)
and everything participants handed in stay with the old edition."""

from __future__ import annotations

from campus.core.plugins import clone
from campus.core.plugins.clone import Line, PartPlan, duplicate, moment_text
from campus.programme.models import Module

from .models import Assignment


def _assignments(source):
    return list(Assignment.objects.filter(module__edition=source).select_related("module").order_by("due_at", "pk"))


def plan_assignments(source, shift) -> PartPlan:
    rows = _assignments(source)
    return PartPlan(key="assignments", label="Assignments", counts={"assignments": len(rows)}, lines=[
        Line(title=a.title, detail=f"Module {a.module.number}",
             when="due " + moment_text(shift.moment(a.due_at, a.module.timezone), a.module.timezone),
             zone=a.module.timezone) for a in rows])


def copy_assignments(source, target, shift, mapping) -> None:
    rows = _assignments(source)
    made = Assignment.objects.bulk_create(
        duplicate(a, module=mapping.get(Module, a.module_id), due_at=shift.moment(a.due_at, a.module.timezone),
                  closed=False) for a in rows)
    for old, new in zip(rows, made):
        mapping.add(old, new)


def register() -> None:
    clone.register(clone.Part(
        key="assignments", label="Assignments", order=80, owner="coursework", depends_on=("modules",),
        description="Each module's assignments with their briefs, due at the same local time, open again.",
        plan=plan_assignments, copy=copy_assignments))
