"""Certificate rules, as a part of an edition's clone (campus.core.plugins.clone; registered in plugin.py): which
criteria, with which parameters. No certificate (nor the issuer's key, which is not the edition's) is copied."""

from __future__ import annotations

from campus.core.plugins import clone
from campus.core.plugins.clone import Line, PartPlan, duplicate

from .models import CertificateRule


def plan_rules(source, shift) -> PartPlan:
    rules = list(CertificateRule.objects.filter(edition=source).order_by("pk"))
    return PartPlan(key="certificate_rules", label="Certificate rules", counts={"certificate rules": len(rules)},
                    lines=[Line(title=r.criterion, detail=", ".join(f"{k}: {v}" for k, v in r.parameters.items()))
                           for r in rules])


def copy_rules(source, target, shift, mapping) -> None:
    rows = list(CertificateRule.objects.filter(edition=source).order_by("pk"))
    for old, new in zip(rows, CertificateRule.objects.bulk_create(duplicate(r, edition=target) for r in rows)):
        mapping.add(old, new)


def register() -> None:
    clone.register(clone.Part(
        key="certificate_rules", label="Certificate rules", order=100, owner="certificates",
        description="What a participant must have done to earn the certificate (criteria and parameters).",
        plan=plan_rules, copy=copy_rules))
