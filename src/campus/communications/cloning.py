"""The edition's own mail templates, as a part of an edition's clone (campus.core.plugins.clone; registered in
plugin.py). The default templates (no edition) serve every edition already; no message of the outbox is copied."""

from __future__ import annotations

from campus.core.plugins import clone
from campus.core.plugins.clone import Line, PartPlan, duplicate

from .models import MailTemplate


def plan_templates(source, shift) -> PartPlan:
    templates = list(MailTemplate.objects.filter(edition=source).order_by("event"))
    return PartPlan(key="mail_templates", label="Mail templates", counts={"mail templates": len(templates)},
                    lines=[Line(title=t.event_label, detail=t.subject) for t in templates])


def copy_templates(source, target, shift, mapping) -> None:
    rows = list(MailTemplate.objects.filter(edition=source).order_by("pk"))
    for old, new in zip(rows, MailTemplate.objects.bulk_create(duplicate(t, edition=target) for t in rows)):
        mapping.add(old, new)


def register() -> None:
    clone.register(clone.Part(
        key="mail_templates", label="Mail templates", order=70, owner="communications",
        description="The edition's own mail templates (the default ones serve every edition anyway).",
        plan=plan_templates, copy=copy_templates))
