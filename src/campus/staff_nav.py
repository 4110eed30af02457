"""The staff bar: which parts of the back office the signed-in person may open (a context processor).

This module sits at the top of the layout (next to urls.py), so it may ask every app's permissions.
"""

from django.urls import reverse
from django.views.decorators.http import require_GET


DESCRIPTIONS = {
    "staff_applications": "Every application of a call: filters, exports, deadlines, requests for more information.",
    "staff_review": "Your review queue; for managers: team, review phases, criteria and assignments.",
    "staff_interviews": "Interview slots, invitations, bookings and the panel's assessments.",
    "staff_admissions": "The ranking board, the selection assistant, staged decisions, release, offers and the waitlist.",
    "staff_outbox": "Mail to applicants: preview, edit and send drafts; failures and retries; mail templates.",
    "admin": "Public content of the programme site (modules, meetups, FAQ, pages) and raw data.",
    "privacy": "Requests for access and erasure of personal data.",
}


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


@require_GET
def home(request):
    """/staff/: what the signed-in member of staff may open, with a line on each part."""
    from django.contrib.auth.views import redirect_to_login
    from django.http import Http404
    from django.shortcuts import render
    from django.utils.cache import add_never_cache_headers

    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user.is_staff:
        raise Http404("No such page.")
    sections = [(label, url, DESCRIPTIONS.get(namespace, "")) for label, url, namespace in _sections(user)]
    response = render(request, "staff/home.html", {"sections": sections})
    add_never_cache_headers(response)
    return response
