"""What the strategy workspace plugs into the shared parts (campus.core.plugins): the participant area's section,
the staff section (the cohort's strategies, for module leads and managers), the feedback mail, the privacy handler
and the submission kind "strategy" (an assignment may ask for the strategy)."""

import json

from django.urls import reverse

from campus.core.plugins import mail as mail_events
from campus.core.plugins import participant as area
from campus.core.plugins import privacy, staff, submissions

from . import permissions, selectors, transfer
from .models import Strategy
from .mail import FEEDBACK
from .privacy_handler import StrategyHandler

area.register_section(area.ParticipantSection(title="Strategy", url_name="strategy:home", order=77))

staff.register(staff.StaffSection(
    title="Strategies", url_name="staff_strategy:home", order=59, predicate=permissions.staff_section,
    description="The cohort's cluster strategies shared with the module leads, a coaching group or the cohort: "
                "read them and give feedback.",
))

mail_events.register(FEEDBACK)

privacy.register(StrategyHandler())


def _choices(user, edition):
    edition_id = getattr(edition, "pk", edition)
    return [(s.pk, s.cluster_name) for s in selectors.strategies_for(user)
            if s.edition_id == edition_id and permissions.can_edit(user, s)]


def _describe(obj_id):
    found = Strategy.objects.filter(pk=obj_id).only("pk", "cluster_name").first()
    if found is None:
        return None
    return f"Strategy: {found.cluster_name}", reverse("staff_strategy:strategy", args=[found.pk])


def _snapshot(obj_id):
    """The whole strategy as its JSON export, and ``boxes`` (titled lists) that coursework shows the lead."""
    found = Strategy.objects.filter(pk=obj_id).select_related("edition").first()
    if found is None:
        return {}
    whole = selectors.whole(found)
    boxes = [{"title": "Vision", "items": [{"text": found.vision}] if found.vision else []},
             {"title": "Mission", "items": [{"text": found.mission}] if found.mission else []}]
    for number, objective in enumerate(whole.objectives, start=1):
        items = [{"text": f"Action: {a.title}"} for a in objective.action_list]
        items += [{"text": f"Indicator: {i.name} ({i.progress.text})"} for i in objective.indicator_list]
        boxes.append({"title": f"Objective {number}: {objective.title}", "items": items})
    return {"boxes": boxes, "strategy": json.loads(transfer.to_json(whole))}


submissions.register(submissions.SubmissionKind(key="strategy", label="The cluster strategy", choices_for=_choices,
                                                describe=_describe, snapshot=_snapshot))
