"""The review's section of the staff page of one application (campus.core.plugins.application_page): the
reviews and scores as the person may read them, by the review app's own rules (``permissions``):

- the edition's managers read every review, with the comments for the team;
- a reviewer of the edition reads their own review, and the others' only as the active phase allows (never,
  after their own review, always); with a declared conflict of interest, none; in a blind phase the page hides
  the applicant's identity from them;
- anyone else (no review role in the edition): no section.
"""

from django.template.loader import render_to_string
from django.urls import reverse

from campus.core.plugins.application_page import Section
from campus.team.permissions import Role, has_any_role, has_role, is_manager

from . import permissions, selectors, services


def reviews_section(request, application):
    user, edition_id = request.user, application.call.edition_id
    if not has_role(user, edition_id, Role.REVIEWER, Role.MANAGER):
        return None
    manager = is_manager(user, edition_id)
    phase = services.active_phase(application.call)
    conceal = not permissions.sees_identity(user, application, phase)
    context = {"phase": phase, "manager": manager}
    if not manager and permissions.has_conflict(user, application):
        context["conflict"] = True
    else:
        reviews = selectors.reviews_of(application)
        own = next((review for review in reviews if review.reviewer_id == user.pk), None)
        shown = permissions.sees_others_reviews(user, application, phase, has_own=own is not None)
        others = [review for review in reviews if review.reviewer_id != user.pk]
        context.update(own=own, others=others if shown else [], hidden=0 if shown else len(others), shown=shown)
        if permissions.can_open_application(user, application):
            context["review_url"] = reverse("staff_review:review", args=[application.pk])
    return Section(title="Reviews", key="reviews", order=20, conceal=conceal,
                   conceal_keys=frozenset(selectors.IDENTIFYING_KEYS),
                   html=render_to_string("review/staff/_application_section.html", context, request=request))


def blind_list(user, call):
    """The lists and exports of ``call``'s applications: a reviewer of the edition (not a manager) reads them
    without the applicants' identity while the active phase is blind (as the application page does)."""
    if not has_any_role(user, Role.REVIEWER):  # the roles the staff bar read already: no query for most staff
        return None
    if not has_role(user, call.edition_id, Role.REVIEWER) or is_manager(user, call.edition_id):
        return None
    phase = services.active_phase(call)
    return frozenset(selectors.IDENTIFYING_KEYS) if phase is not None and phase.blind else None
