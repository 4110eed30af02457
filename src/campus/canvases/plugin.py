"""What the canvases plug into the shared parts (campus.core.plugins): the participant area's section, the staff
section (the cohort's canvases, for module leads and managers), the mail event "feedback on your canvas", the
privacy handler and the submission kind "canvas" (an assignment may ask for a canvas)."""

from django.urls import reverse

from campus.core.plugins import mail, privacy, staff, submissions
from campus.core.plugins import participant as area

from . import compare, permissions, selectors
from .mail import EVENTS
from .models import Canvas
from .privacy_handler import CanvasesHandler

area.register_section(area.ParticipantSection(title="Canvases", url_name="canvases:home", order=76))

staff.register(staff.StaffSection(
    title="Canvases", url_name="staff_canvases:home", order=59, predicate=permissions.staff_section,
    description="The cohort's strategy canvases (SWOT, business model, PESTEL, ...) shared with the module leads, "
                "a coaching group or the cohort; comment and give feedback.",
))

for event in EVENTS:
    mail.register(event)

privacy.register(CanvasesHandler())


def _choices(user, edition):
    editable = permissions.can_edit
    return [(c.pk, f"{c.title} ({c.canvas_type.title})") for c in selectors.canvases_for(user)
            if c.edition_id == getattr(edition, "pk", edition) and editable(user, c)]


def _describe(obj_id):
    found = Canvas.objects.filter(pk=obj_id).select_related("canvas_type").first()
    if found is None:
        return None
    return f"{found.title} ({found.canvas_type.title})", reverse("staff_canvases:canvas", args=[found.pk])


def _snapshot(obj_id):
    found = selectors.canvas(obj_id)
    if found is None:
        return {}
    return compare.snapshot(found, list(found.canvas_type.boxes.all()), selectors.items_in_order(found))


submissions.register(submissions.SubmissionKind(key="canvas", label="A canvas", choices_for=_choices,
                                                describe=_describe, snapshot=_snapshot))
