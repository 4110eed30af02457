"""Booklet settings, as a part of an edition's clone (campus.core.plugins.clone; registered in plugin.py): the
introduction and whether the public pages are shown. No profile, photo or consent is copied."""

from __future__ import annotations

from campus.core.plugins import clone
from campus.core.plugins.clone import PartPlan, duplicate

from .models import BookletSettings


def plan_booklet(source, shift) -> PartPlan:
    return PartPlan(key="booklet_settings", label="Booklet settings",
                    counts={"booklet settings": BookletSettings.objects.filter(edition=source).count()})


def copy_booklet(source, target, shift, mapping) -> None:
    for settings in BookletSettings.objects.filter(edition=source):
        new = duplicate(settings, edition=target)
        new.save()
        mapping.add(settings, new)


def register() -> None:
    clone.register(clone.Part(
        key="booklet_settings", label="Booklet settings", order=110, owner="booklet",
        description="The booklet's introduction and whether its public pages are shown.",
        plan=plan_booklet, copy=copy_booklet))
