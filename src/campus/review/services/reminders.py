"""Reminders to reviewers with outstanding reviews."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from campus.core.activity import log_activity
from campus.team.models import TeamMembership

from ..models import Kind, Review, ReviewAssignment, ReviewPhase
from .common import REVIEWABLE_STATES, Role


def outstanding_by_reviewer() -> dict[int, list[ReviewAssignment]]:
    """Assignments without a review, in calls whose active phase is open, of people who still hold the reviewer
    role of the edition, per reviewer (one query)."""
    written = Review.objects.filter(
        application_id=OuterRef("application_id"), reviewer_id=OuterRef("reviewer_id"), kind=Kind.REVIEW
    )
    open_phase = ReviewPhase.objects.filter(call_id=OuterRef("application__call_id"), is_active=True, reviews_open=True)
    still_reviewer = TeamMembership.objects.filter(
        user_id=OuterRef("reviewer_id"), edition_id=OuterRef("application__call__edition_id"), role=Role.REVIEWER
    )
    rows = (
        ReviewAssignment.objects.filter(kind=Kind.REVIEW, reviewer__is_active=True,
                                        application__state__in=REVIEWABLE_STATES)
        .filter(Exists(open_phase), Exists(still_reviewer)).exclude(Exists(written))
        .select_related("application__call__edition", "reviewer").order_by("reviewer_id", "application_id")
    )
    result: dict[int, list[ReviewAssignment]] = defaultdict(list)
    for assignment in rows:
        result[assignment.reviewer_id].append(assignment)
    return result


def remind_reviewers(*, now=None, actor=None) -> int:
    """One reminder (outbox event "review_reminder", queued for sending) per reviewer with outstanding reviews,
    at most one per reviewer per day: the dedupe key holds the reviewer and the date (UTC), so a second run on
    the same day finds the message of the first and changes nothing. Returns how many reminders were new."""
    from django.urls import reverse

    from campus.communications import selectors as outbox_selectors
    from campus.communications import services as outbox

    now = now or timezone.now()
    day = now.astimezone(timezone.get_fixed_timezone(0)).date()
    site = outbox.site_url()
    count = 0
    for reviewer_id, assignments in outstanding_by_reviewer().items():
        reviewer = assignments[0].reviewer
        edition = assignments[0].application.call.edition
        key = f"review-reminder:{reviewer_id}:{day.isoformat()}"
        with transaction.atomic():
            if outbox_selectors.message_exists(dedupe_key=key):
                continue
            message = outbox.compose(
                event="review_reminder", edition=edition, to_user=reviewer, dedupe_key=key, send=True, actor=actor,
                context={
                    "outstanding": str(len(assignments)),
                    "review_until": "the programme managers close the review phase",
                    "review_url": f"{site}{reverse('staff_review:home')}",
                },
            )
            ReviewAssignment.objects.filter(pk__in=[a.pk for a in assignments]).update(reminded_at=now)
            log_activity(action="review.reviewer_reminded", target=message, actor=actor, reviewer=reviewer_id,
                         outstanding=len(assignments), day=day.isoformat())
            count += 1
    return count
