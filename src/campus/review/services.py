"""Every change of the review app: the team, phases, criteria, assignments, conflicts, reviews, reminders.

Keyword-only arguments, one transaction each, an activity-log entry for every change. Refusals raise
:class:`ReviewError` (a ``ValidationError``: forms show it next to the field named in it).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from campus.applications.models import Application, Call
from campus.core.activity import log_activity
from campus.core.models import ActivityLog
from campus.team.models import TeamMembership

from .models import (
    ConflictOfInterest,
    Criterion,
    Kind,
    Review,
    ReviewAssignment,
    ReviewPhase,
    Score,
)

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


# --- reviews --------------------------------------------------------------------------------------


def _clean_scores(criteria: list[Criterion], scores: dict) -> dict[int, int]:
    known = {criterion.pk for criterion in criteria}
    cleaned: dict[int, int] = {}
    errors: dict[str, list[str]] = {}
    for key, value in (scores or {}).items():
        try:
            criterion_id = int(key)
        except (TypeError, ValueError):
            raise _error(f"Unknown criterion {key!r}.") from None
        if criterion_id not in known:
            raise _error("A score was given for a criterion that does not belong to this form.")
        cleaned[criterion_id] = value
    for criterion in criteria:
        value = cleaned.get(criterion.pk)
        field = f"criterion_{criterion.pk}"
        if value in (None, ""):
            errors[field] = [f"Choose a score from 1 to 5 for “{criterion.name}”."]
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or isinstance(value, bool) or str(number) != str(value).strip() or not 1 <= number <= 5:
            errors[field] = [f"The score for “{criterion.name}” must be a whole number from 1 to 5."]
            continue
        cleaned[criterion.pk] = number
    if errors:
        raise ReviewError(errors)
    return cleaned


def save_review(
    *,
    application: Application,
    reviewer,
    kind: str = Kind.REVIEW,
    scores: dict,
    recommendation: str,
    comment_team: str = "",
    comment_applicant: str = "",
    actor,
) -> Review:
    """Create or update the one review of ``reviewer`` for ``application`` of ``kind``.

    Every criterion of that kind of the call must be scored 1-5; ``total`` is the weighted mean. For reviews
    (kind "review") the reviewer must be assigned, have no conflict of interest, and the call's active phase
    must be open. Interview assessments (kind "interview") are checked by the interviews app (panel membership).
    """
    if kind not in Kind.values:
        raise _error("Unknown kind of review.")
    if recommendation not in Review.Recommendation.values:
        raise _error("Choose a recommendation: yes, maybe or no.", "recommendation")
    if application.state not in REVIEWABLE_STATES:
        raise _error("Only submitted applications are reviewed.")
    criteria = list(Criterion.objects.filter(call_id=application.call_id, kind=kind).order_by("order", "id"))
    if not criteria:
        raise _error("This call has no criteria for this kind of review yet.")
    cleaned = _clean_scores(criteria, scores)
    total = weighted_total((criterion.weight, cleaned[criterion.pk]) for criterion in criteria)

    with transaction.atomic():
        if kind == Kind.REVIEW:
            # the assignment row is the lock: two submits of the same review at once are serialised here
            assignment = (
                ReviewAssignment.objects.select_for_update()
                .filter(application=application, reviewer=reviewer, kind=Kind.REVIEW).first()
            )
            if assignment is None:
                raise _error("This application is not assigned to you.")
            if ConflictOfInterest.objects.filter(application=application, reviewer=reviewer).exists():
                raise _error("You declared a conflict of interest with this applicant.")
            phase = active_phase(application.call_id)
            if phase is None or not phase.reviews_open:
                raise _error("Reviews are closed: the review phase does not accept reviews now.")
        review = Review.objects.select_for_update().filter(application=application, reviewer=reviewer, kind=kind).first()
        now = timezone.now()
        previous = None
        if review is None:
            try:
                with transaction.atomic():
                    review = Review.objects.create(
                        application=application, reviewer=reviewer, kind=kind, recommendation=recommendation,
                        comment_team=comment_team, comment_applicant=comment_applicant, total=total,
                        submitted_at=now,
                    )
            except IntegrityError:  # the same review was created a moment ago (a double click)
                review = Review.objects.select_for_update().get(application=application, reviewer=reviewer, kind=kind)
                previous = str(review.total)
        else:
            previous = str(review.total)
        if previous is not None:
            review.recommendation = recommendation
            review.comment_team = comment_team
            review.comment_applicant = comment_applicant
            review.total = total
            review.submitted_at = now
            review.save()
            Score.objects.filter(review=review).delete()
        Score.objects.bulk_create(
            Score(review=review, criterion_id=criterion.pk, value=cleaned[criterion.pk]) for criterion in criteria
        )
        log_activity(
            action="review.review_saved" if previous is None else "review.review_changed",
            target=review, actor=actor, application=application.pk, kind=kind,
            **{"from": previous, "to": str(total)}, recommendation=recommendation,
        )
    return review


# --- the team -------------------------------------------------------------------------------------


def add_team_role(*, edition, user, role: str, actor) -> TeamMembership:
    if role not in Role.values:
        raise _error("Choose a role.", "roles")
    if not user.is_active:
        raise _error("This account is deactivated.", "email")
    with transaction.atomic():
        membership, created = TeamMembership.objects.get_or_create(edition=edition, user=user, role=role)
        if created:
            log_activity(action="review.team_role_added", target=membership, actor=actor,
                         edition=edition.pk, user=user.pk, role=role)
    return membership


def remove_team_role(*, membership: TeamMembership, actor) -> None:
    with transaction.atomic():
        if membership.role == Role.MANAGER:
            others = TeamMembership.objects.filter(edition_id=membership.edition_id, role=Role.MANAGER).exclude(pk=membership.pk)
            if not others.exists():
                raise _error("An edition keeps at least one programme manager.")
        log_activity(action="review.team_role_removed", target=membership, actor=actor,
                     edition=membership.edition_id, user=membership.user_id, role=membership.role)
        if membership.role == Role.REVIEWER:
            # their outstanding assignments go back to the pool ("needs more reviews"); written reviews stay
            written = Review.objects.filter(application_id=OuterRef("application_id"),
                                            reviewer_id=OuterRef("reviewer_id"), kind=Kind.REVIEW)
            for assignment in ReviewAssignment.objects.filter(
                reviewer_id=membership.user_id, kind=Kind.REVIEW, application__call__edition_id=membership.edition_id
            ).exclude(Exists(written)):
                log_activity(action="review.unassigned", target=assignment, actor=actor,
                             application=assignment.application_id, reviewer=assignment.reviewer_id,
                             reason="no longer a reviewer")
                assignment.delete()
        membership.delete()


# --- phases ---------------------------------------------------------------------------------------

PHASE_FIELDS = ("name", "reviews_open", "others_visible", "blind", "reviews_per_application")


def save_phase(*, call: Call, phase: ReviewPhase | None = None, actor, **values) -> ReviewPhase:
    unknown = set(values) - set(PHASE_FIELDS)
    if unknown:
        raise TypeError(f"unknown phase fields {sorted(unknown)}")
    if values.get("others_visible", ReviewPhase.Visibility.AFTER_OWN) not in ReviewPhase.Visibility.values:
        raise _error("Choose when reviewers see the others' reviews.", "others_visible")
    per = values.get("reviews_per_application", 2)
    if not 1 <= int(per) <= 20:
        raise _error("Between 1 and 20 reviews per application.", "reviews_per_application")
    with transaction.atomic():
        created = phase is None
        if created:
            phase = ReviewPhase(call=call, order=ReviewPhase.objects.filter(call=call).count())
        before = {field: getattr(phase, field) for field in PHASE_FIELDS} if not created else {}
        for field, value in values.items():
            setattr(phase, field, value)
        phase.save()
        after = {field: getattr(phase, field) for field in PHASE_FIELDS}
        changes = {k: v for k, v in after.items() if before.get(k) != v}
        if changes:
            log_activity(action="review.phase_created" if created else "review.phase_changed", target=phase,
                         actor=actor, **{"from": {k: before.get(k) for k in changes} if before else None, "to": changes})
    return phase


def activate_phase(*, phase: ReviewPhase, actor) -> ReviewPhase:
    """Make ``phase`` the one active phase of its call (the call row is locked while switching)."""
    with transaction.atomic():
        Call.objects.select_for_update().filter(pk=phase.call_id).first()
        current = ReviewPhase.objects.filter(call_id=phase.call_id, is_active=True).first()
        if current is not None and current.pk == phase.pk:
            return current
        if current is not None:
            current.is_active = False
            current.save(update_fields=["is_active", "updated_at"])
        phase.is_active = True
        phase.save(update_fields=["is_active", "updated_at"])
        log_activity(action="review.phase_activated", target=phase, actor=actor,
                     **{"from": current.pk if current else None, "to": phase.pk})
    return phase


# --- criteria -------------------------------------------------------------------------------------


def save_criterion(
    *, call: Call, criterion: Criterion | None = None, kind: str, name: str, description: str = "",
    weight: int, scale: list[str], actor,
) -> Criterion:
    if kind not in Kind.values:
        raise _error("Choose the kind of criterion.", "kind")
    if not name.strip():
        raise _error("Give the criterion a name.", "name")
    if not 1 <= int(weight) <= 10:
        raise _error("The weight is a whole number from 1 to 10.", "weight")
    scale = [str(label).strip() for label in scale]
    if len(scale) != 5 or not all(scale):
        raise _error("Give a label to each of the five scores.", "scale")
    with transaction.atomic():
        created = criterion is None
        if created:
            criterion = Criterion(call=call, order=Criterion.objects.filter(call=call, kind=kind).count() + 1)
        elif criterion.kind != kind and criterion.scores.exists():
            raise _error("Reviews use this criterion already: its kind cannot change.", "kind")
        before = {"name": criterion.name, "weight": criterion.weight} if not created else None
        criterion.kind, criterion.name, criterion.description = kind, name.strip(), description.strip()
        criterion.weight, criterion.scale = int(weight), scale
        criterion.save()
        log_activity(action="review.criterion_created" if created else "review.criterion_changed",
                     target=criterion, actor=actor,
                     **{"from": before, "to": {"name": criterion.name, "weight": criterion.weight}})
    return criterion


def delete_criterion(*, criterion: Criterion, actor) -> None:
    with transaction.atomic():
        if criterion.scores.exists():
            raise _error("Reviews have scored this criterion already; it cannot be deleted.")
        log_activity(action="review.criterion_deleted", target=criterion, actor=actor, name=criterion.name)
        criterion.delete()


# --- assignments and conflicts ----------------------------------------------------------------------


def reviewers_of(edition) -> list:
    """The active people holding the reviewer role of ``edition``, by name."""
    User = get_user_model()
    return list(
        User.objects.filter(
            is_active=True, team_roles__edition=edition, team_roles__role=Role.REVIEWER
        ).distinct().order_by("full_name", "email", "pk")
    )


def _assignable(application: Application, reviewer, *, reviewer_ids: set[int], conflicts: set[tuple[int, int]]) -> str:
    """Why ``reviewer`` cannot review ``application`` ("" when they can)."""
    if application.state not in REVIEWABLE_STATES:
        return f"{application.reference} is not submitted."
    if reviewer.pk not in reviewer_ids:
        return f"{reviewer.get_full_name()} is not a reviewer of this edition."
    if reviewer.pk == application.applicant_id:
        return f"{reviewer.get_full_name()} cannot review their own application."
    if (application.pk, reviewer.pk) in conflicts:
        return f"{reviewer.get_full_name()} declared a conflict of interest with {application.reference}."
    return ""


def _conflict_pairs(application_ids) -> set[tuple[int, int]]:
    return set(ConflictOfInterest.objects.filter(application_id__in=application_ids).values_list("application_id", "reviewer_id"))


def _log_assignments(assignments, *, actor, how: str) -> None:
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    ActivityLog.objects.bulk_create(
        ActivityLog(action="review.assigned", actor=actor_obj, target_type=ReviewAssignment._meta.label_lower,
                    target_id=str(a.pk), data={"application": a.application_id, "reviewer": a.reviewer_id, "how": how})
        for a in assignments
    )


def assign(*, applications, reviewers, actor, how: str = "by hand") -> tuple[list[ReviewAssignment], list[str]]:
    """Assign every application to every reviewer (one of each: by hand; several: in bulk). Pairs that are
    not allowed (conflict, own application, not a reviewer, not submitted) are skipped with the reason; pairs
    already assigned are left as they are. Returns (created assignments, reasons for the skipped)."""
    applications = list(applications)
    reviewers = list(reviewers)
    if not applications or not reviewers:
        return [], []
    call_ids = {a.call_id for a in applications}
    with transaction.atomic():
        # the calls are locked: two managers assigning at once are served one after the other
        edition_ids = set(Call.objects.select_for_update().filter(pk__in=call_ids).values_list("edition_id", flat=True))
        if len(edition_ids) != 1:
            raise _error("Assign applications of one edition at a time.")
        edition_id = edition_ids.pop()
        reviewer_ids = set(
            TeamMembership.objects.filter(edition_id=edition_id, role=Role.REVIEWER, user__is_active=True)
            .values_list("user_id", flat=True)
        )
        app_ids = [a.pk for a in applications]
        conflicts = _conflict_pairs(app_ids)
        existing = set(
            ReviewAssignment.objects.filter(application_id__in=app_ids, kind=Kind.REVIEW).values_list("application_id", "reviewer_id")
        )
        new, skipped = [], []
        for application in applications:
            for reviewer in reviewers:
                if (application.pk, reviewer.pk) in existing:
                    continue
                reason = _assignable(application, reviewer, reviewer_ids=reviewer_ids, conflicts=conflicts)
                if reason:
                    skipped.append(reason)
                    continue
                new.append(ReviewAssignment(application=application, reviewer=reviewer, kind=Kind.REVIEW,
                                            assigned_by=actor if getattr(actor, "is_authenticated", False) else None))
        created = ReviewAssignment.objects.bulk_create(new, ignore_conflicts=False)
        if created and created[0].pk is None:  # backends without RETURNING ids
            created = list(ReviewAssignment.objects.filter(application_id__in=app_ids, kind=Kind.REVIEW,
                                                           reviewer_id__in=[r.pk for r in reviewers]))
        _log_assignments(created, actor=actor, how=how)
    return created, skipped


def unassign(*, assignment: ReviewAssignment, actor) -> None:
    with transaction.atomic():
        if Review.objects.filter(application_id=assignment.application_id, reviewer_id=assignment.reviewer_id,
                                 kind=assignment.kind).exists():
            raise _error("This reviewer has reviewed the application already; the assignment stays.")
        log_activity(action="review.unassigned", target=assignment, actor=actor,
                     application=assignment.application_id, reviewer=assignment.reviewer_id)
        assignment.delete()


def plan_assignments(
    *, applications: list[tuple[int, int]], reviewers: list[int], existing: dict[int, set[int]] | None = None,
    load: dict[int, int] | None = None, conflicts: set[tuple[int, int]] = frozenset(), per_application: int,
) -> list[tuple[int, int]]:
    """The balancing rule, as a pure function: new (application id, reviewer id) pairs.

    ``applications`` are (id, applicant user id); ``existing`` the reviewers each application has already;
    ``load`` the assignments each reviewer has already. Applications are taken by (fewest reviewers so far, id);
    each gets the allowed reviewers with the least load (ties: lowest id). Allowed: not yet assigned to it,
    not the applicant, no conflict of interest.
    """
    existing = {pk: set(ids) for pk, ids in (existing or {}).items()}
    load = {pk: (load or {}).get(pk, 0) for pk in reviewers}
    pairs = []
    for application_id, applicant_id in sorted(applications, key=lambda a: (len(existing.get(a[0], ())), a[0])):
        have = existing.setdefault(application_id, set())
        need = per_application - len(have)
        if need <= 0:
            continue
        candidates = sorted(
            (pk for pk in reviewers if pk not in have and pk != applicant_id and (application_id, pk) not in conflicts),
            key=lambda pk: (load[pk], pk),
        )
        for reviewer_id in candidates[:need]:
            load[reviewer_id] += 1
            have.add(reviewer_id)
            pairs.append((application_id, reviewer_id))
    return pairs


def auto_assign(*, call: Call, per_application: int | None = None, actor) -> list[ReviewAssignment]:
    """Give every submitted application of ``call`` ``per_application`` reviews (default: the active phase's
    setting), spreading the load evenly over the edition's reviewers.

    Deterministic: applications are taken by (fewest assignments so far, id); each gets the reviewers with the
    least load in this call so far (ties: lowest user id) among those allowed: never a reviewer with a declared
    conflict of interest, never the applicant themself, never twice the same reviewer. Existing assignments
    count toward N and toward the load. An application that cannot get N reviewers gets as many as possible.
    """
    if per_application is None:
        phase = active_phase(call)
        per_application = phase.reviews_per_application if phase else 2
    if per_application < 1:
        raise _error("At least one review per application.")
    with transaction.atomic():
        Call.objects.select_for_update().filter(pk=call.pk).first()  # two managers at once: one after the other
        reviewers = reviewers_of(call.edition_id)
        applications = list(
            Application.objects.filter(call=call, state=Application.State.SUBMITTED).order_by("id")
            .only("id", "applicant_id", "reference", "state", "call_id")
        )
        if not reviewers or not applications:
            return []
        app_ids = [a.pk for a in applications]
        conflicts = _conflict_pairs(app_ids)
        assigned: dict[int, set[int]] = defaultdict(set)
        load: dict[int, int] = {r.pk: 0 for r in reviewers}
        for application_id, reviewer_id in ReviewAssignment.objects.filter(
            application__call=call, kind=Kind.REVIEW
        ).values_list("application_id", "reviewer_id"):
            assigned[application_id].add(reviewer_id)
            if reviewer_id in load:
                load[reviewer_id] += 1
        pairs = plan_assignments(
            applications=[(a.pk, a.applicant_id) for a in applications], reviewers=list(load),
            existing={pk: set(ids) for pk, ids in assigned.items()}, load=load, conflicts=conflicts,
            per_application=per_application,
        )
        new = [ReviewAssignment(application_id=application_id, reviewer_id=reviewer_id, kind=Kind.REVIEW,
                                assigned_by=actor if getattr(actor, "is_authenticated", False) else None)
               for application_id, reviewer_id in pairs]
        ReviewAssignment.objects.bulk_create(new, batch_size=500)
        if new and new[0].pk is None:
            pairs = {(a.application_id, a.reviewer_id) for a in new}
            new = [a for a in ReviewAssignment.objects.filter(application__call=call, kind=Kind.REVIEW)
                   if (a.application_id, a.reviewer_id) in pairs]
        _log_assignments(new, actor=actor, how="automatic")
        log_activity(action="review.auto_assigned", target=call, actor=actor, per_application=per_application,
                     created=len(new))
    return new


def declare_conflict(*, application: Application, reviewer, reason: str = "", actor) -> ConflictOfInterest:
    """Record that ``reviewer`` has a conflict of interest with ``application``: their assignment goes, and a
    review they wrote already no longer counts (it is deleted; the activity log keeps that it existed)."""
    with transaction.atomic():
        conflict, created = ConflictOfInterest.objects.get_or_create(
            application=application, reviewer=reviewer, defaults={"reason": reason.strip()[:300]}
        )
        if not created:
            return conflict
        log_activity(action="review.conflict_declared", target=conflict, actor=actor,
                     application=application.pk, reviewer=reviewer.pk)
        for assignment in ReviewAssignment.objects.filter(application=application, reviewer=reviewer, kind=Kind.REVIEW):
            log_activity(action="review.unassigned", target=assignment, actor=actor, application=application.pk,
                         reviewer=reviewer.pk, reason="conflict of interest")
            assignment.delete()
        for review in Review.objects.filter(application=application, reviewer=reviewer, kind=Kind.REVIEW):
            log_activity(action="review.review_deleted", target=review, actor=actor, application=application.pk,
                         reviewer=reviewer.pk, reason="conflict of interest", **{"from": str(review.total), "to": None})
            review.delete()
    return conflict


def remove_conflict(*, conflict: ConflictOfInterest, actor) -> None:
    with transaction.atomic():
        log_activity(action="review.conflict_removed", target=conflict, actor=actor,
                     application=conflict.application_id, reviewer=conflict.reviewer_id)
        conflict.delete()


# --- reminders -------------------------------------------------------------------------------------


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

    from campus.communications import services as outbox
    from campus.communications.models import OutboxMessage

    now = now or timezone.now()
    day = now.astimezone(timezone.get_fixed_timezone(0)).date()
    site = outbox.site_url()
    count = 0
    for reviewer_id, assignments in outstanding_by_reviewer().items():
        reviewer = assignments[0].reviewer
        edition = assignments[0].application.call.edition
        key = f"review-reminder:{reviewer_id}:{day.isoformat()}"
        with transaction.atomic():
            if OutboxMessage.objects.filter(dedupe_key=key).exists():
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
