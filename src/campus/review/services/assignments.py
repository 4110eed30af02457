"""Who reviews what: assignments (by hand and automatic) and conflicts of interest."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef

from campus.applications.models import Application, Call
from campus.core.activity import log_activity
from campus.core.models import ActivityLog
from campus.team.models import TeamMembership

from ..models import ConflictOfInterest, Kind, Review, ReviewAssignment
from .common import REVIEWABLE_STATES, Role, _error, active_phase


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


@transaction.atomic
def release_assignments_of_former_reviewer(*, edition_id: int, reviewer_id: int, actor) -> int:
    """Someone who is no longer a reviewer of the edition: their outstanding assignments go back to the pool
    ("needs more reviews"); the reviews they wrote stay. The receiver of team's ``team_role_removed``."""
    written = Review.objects.filter(application_id=OuterRef("application_id"),
                                    reviewer_id=OuterRef("reviewer_id"), kind=Kind.REVIEW)
    outstanding = ReviewAssignment.objects.filter(
        reviewer_id=reviewer_id, kind=Kind.REVIEW, application__call__edition_id=edition_id
    ).exclude(Exists(written))
    released = 0
    for assignment in outstanding:
        log_activity(action="review.unassigned", target=assignment, actor=actor,
                     application=assignment.application_id, reviewer=assignment.reviewer_id,
                     reason="no longer a reviewer")
        assignment.delete()
        released += 1
    return released


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
