"""Who may do what with a canvas: the scouting tools' one sharing mechanism (campus.radars.sharing), plus the
canvas's own audience "module lead": ``shared_with_leads`` lets the module leads (and managers) of the canvas's
edition see a canvas that is otherwise private to its owners. Items, versions and comments follow their canvas."""

from django.db.models import Q

from campus.radars import sharing
from campus.radars.sharing import can_edit, is_lead  # noqa: F401  (re-exported for the views)
from campus.team.permissions import Role, holds_any

staff_section = holds_any(Role.MODULE_LEAD, Role.MANAGER)


def can_view(user, canvas) -> bool:
    if sharing.can_view(user, canvas):
        return True
    return bool(canvas.shared_with_leads) and sharing.is_lead(user, canvas.edition_id)


def visible_to(user, qs):
    """``qs`` narrowed to the canvases ``user`` may see: the same answer as ``can_view``."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return qs.none()
    ids = sharing.visible_to(user, qs).values("pk")
    return qs.filter(Q(pk__in=ids) | Q(shared_with_leads=True, edition_id__in=sharing.lead_ids(user)))


def seen_as_lead(user, canvas) -> bool:
    """A lead sees the canvas as the cohort's work (the staff pages): shared with the leads, a group or the
    cohort, or owned by a group or the cohort; never a participant's private canvas."""
    if not sharing.is_lead(user, canvas.edition_id):
        return False
    return (canvas.shared_with_leads or canvas.visibility in ("group", "cohort")
            or canvas.owner_kind in ("group", "cohort"))


def can_comment(user, canvas) -> bool:
    return can_view(user, canvas)
