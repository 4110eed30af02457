"""Every change of the review app: phases, criteria, assignments, conflicts, reviews, reminders (the team's
roles are the team app's: ``campus.team.services``).

Keyword-only arguments, one transaction each, an activity-log entry for every change. Refusals raise
:class:`ReviewError` (a ``ValidationError``: forms show it next to the field named in it).

Split by concern (``reviews``, ``setup`` for phases and criteria, ``assignments`` with conflicts,
``reminders``; ``common`` for what they share); everything public is re-exported here, so
``from campus.review import services; services.assign(...)`` stays the way to call them.
"""

from .assignments import (
    assign, auto_assign, declare_conflict, plan_assignments, release_assignments_of_former_reviewer, remove_conflict,
    reviewers_of, unassign,
)
from .common import REVIEWABLE_STATES, ReviewError, active_phase, weighted_total
from .reminders import outstanding_by_reviewer, remind_reviewers
from .reviews import save_review
from .setup import PHASE_FIELDS, activate_phase, delete_criterion, save_criterion, save_phase

__all__ = [
    "PHASE_FIELDS", "REVIEWABLE_STATES", "ReviewError", "activate_phase", "active_phase",
    "assign", "auto_assign", "declare_conflict", "delete_criterion", "outstanding_by_reviewer",
    "plan_assignments", "release_assignments_of_former_reviewer", "remind_reviewers", "remove_conflict", "reviewers_of",
    "save_criterion", "save_phase", "save_review", "unassign", "weighted_total",
]
