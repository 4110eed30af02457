"""Admission settings, as a part of an edition's clone (campus.core.plugins.clone; registered in plugin.py): the
offer's reply time, promotion from the waitlist, the selection's constraints and the letters' contact and notes,
for the copy of each call. The release moves with the dates and is not done yet. No decision or offer is copied."""

from __future__ import annotations

from campus.applications.models import Call
from campus.core.plugins import clone
from campus.core.plugins.clone import PartPlan, duplicate

from .models import AdmissionSettings


def plan_admissions(source, shift) -> PartPlan:
    return PartPlan(key="admission_settings", label="Admission settings", counts={
        "admission settings": AdmissionSettings.objects.filter(call__edition=source).count()})


def copy_admissions(source, target, shift, mapping) -> None:
    for settings in AdmissionSettings.objects.filter(call__edition=source).select_related("call").order_by("pk"):
        call = mapping.get(Call, settings.call_id)
        if call is None:
            continue
        new = duplicate(settings, call=call, released_at=None,
                        release_at=shift.moment(settings.release_at, settings.call.timezone))
        new.save()
        mapping.add(settings, new)


def register() -> None:
    clone.register(clone.Part(
        key="admission_settings", label="Admission settings", order=60, owner="admissions", depends_on=("call",),
        description="How admission works: reply time of offers, the waitlist, the selection's constraints, the "
                    "letters' contact and notes (the release moves with the dates, not yet done).",
        plan=plan_admissions, copy=copy_admissions))
