"""What the review services share: the refusal, the reviewable states, the active phase, totals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError

from campus.applications.models import Application
from campus.team.models import TeamMembership

from ..models import ReviewPhase


Role = TeamMembership.Role
# Applications a reviewer may be assigned to and may review: submitted ones (also while the applicant
# corrects them on request). Drafts and withdrawn applications are never reviewed.
REVIEWABLE_STATES = (Application.State.SUBMITTED, Application.State.MORE_INFO)


class ReviewError(ValidationError):
    """A refused change, in words for the person who asked (``field`` names the form field, if any)."""


def _error(message: str, field: str | None = None) -> ReviewError:
    return ReviewError({field: [message]} if field else message)


# --- reading helpers used by the services ---------------------------------------------------------


def active_phase(call) -> ReviewPhase | None:
    call_id = getattr(call, "pk", call)
    return ReviewPhase.objects.filter(call_id=call_id, is_active=True).first()


def weighted_total(weights_and_scores) -> Decimal:
    """sum(weight * score) / sum(weight), rounded half up to 2 places (the scale is 1 to 5)."""
    pairs = list(weights_and_scores)
    weight_sum = sum(weight for weight, _ in pairs)
    if not weight_sum:
        raise _error("There are no criteria to score.")
    total = Decimal(sum(weight * score for weight, score in pairs)) / Decimal(weight_sum)
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
