"""The staff bar: which parts of the back office the signed-in person may open (a context processor).

This module sits at the top of the layout (next to urls.py), so it may ask every app's permissions.
"""

from django.urls import reverse


def _sections(user):
    from campus.applications.permissions import can_view_applications
    from campus.review.permissions import Role, has_any_role

    sections = []
    if can_view_applications(user):
        sections.append(("Applications", reverse("staff_applications:list"), "staff_applications"))
    if has_any_role(user, Role.REVIEWER, Role.MANAGER):
        sections.append(("Review", reverse("staff_review:home"), "staff_review"))
    if has_any_role(user, Role.INTERVIEWER, Role.MANAGER):
        sections.append(("Interviews", reverse("staff_interviews:home"), "staff_interviews"))
    if has_any_role(user, Role.MANAGER):
        sections.append(("Admissions", reverse("staff_admissions:home"), "staff_admissions"))
        sections.append(("Outbox", reverse("staff_outbox:home"), "staff_outbox"))
    if user.is_staff:
        sections.append(("Content and data", reverse("admin:index"), "admin"))
    if user.has_perm("privacy.handle_requests"):
        sections.append(("Privacy requests", reverse("privacy:staff"), "privacy"))
    return sections


def staff_nav(request):
    """``staff_sections``: (label, url, namespace) for the staff bar; computed only when a template asks."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff and not user.is_superuser:
        return {"staff_sections": ()}

    cached = {}

    class Lazy:
        def __iter__(self):
            if "value" not in cached:
                cached["value"] = _sections(user)
            return iter(cached["value"])

    return {"staff_sections": Lazy()}
