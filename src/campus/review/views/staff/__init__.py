"""The staff pages of review, under /staff/review/ (split by concern: reviewing, setup, assignments).

Who gets in: a visitor who is not signed in is sent to the sign-in page; a signed-in person without a review
role (reviewer or manager) in any edition gets a 404, and so does anyone asking for an object of an edition where
they do not hold the role the page needs (``campus.review.permissions`` decides). Pages are never cached.
"""


from .assignments import assignments, auto_assign, conflict_add, conflict_remove, needs_reviews, unassign
from .reviewing import declare_conflict, document, home, review
from .setup import criteria, criterion_delete, criterion_edit, phase_activate, phase_edit, phases, team, team_remove

__all__ = [
    "assignments", "auto_assign", "conflict_add", "conflict_remove", "criteria", "criterion_delete",
    "criterion_edit", "declare_conflict", "document", "home", "needs_reviews", "phase_activate", "phase_edit",
    "phases", "review", "team", "team_remove", "unassign",
]
