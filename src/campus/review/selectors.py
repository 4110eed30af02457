"""Reads of the review pages; each costs a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q

from campus.applications.models import Application, Call, Document
from campus.programme.models import Edition
from campus.team import permissions as roles
from campus.team.models import TeamMembership

from . import permissions
from .models import ConflictOfInterest, Criterion, Kind, Review, ReviewAssignment, ReviewPhase
from .services import REVIEWABLE_STATES

Role = TeamMembership.Role

# The answers that identify the applicant: hidden from reviewers in a blind phase (with the CV and letter).
IDENTIFYING_KEYS = {"first_name", "last_name", "email", "phone", "organisation", "role", "cluster_name",
                    "cluster_website"}


def active_phases(call_ids) -> dict[int, ReviewPhase]:
    return {phase.call_id: phase for phase in ReviewPhase.objects.filter(call_id__in=list(call_ids), is_active=True)}


def queue(user) -> list[dict]:
    """The reviewer's assigned applications, grouped by call: [{call, phase, items: [{assignment, done}]}].
    Only editions where ``user`` holds the reviewer role; never an application they declared a conflict with."""
    editions = roles.edition_ids_with_role(user, Role.REVIEWER)
    if not editions:
        return []
    written = Review.objects.filter(application_id=OuterRef("application_id"), reviewer=user, kind=Kind.REVIEW)
    conflicted = ConflictOfInterest.objects.filter(application_id=OuterRef("application_id"), reviewer=user)
    assignments = list(
        ReviewAssignment.objects.filter(reviewer=user, kind=Kind.REVIEW, application__call__edition_id__in=editions,
                                        application__state__in=REVIEWABLE_STATES)
        .exclude(Exists(conflicted))
        .annotate(done=Exists(written))
        .select_related("application__call__edition")
        .order_by("application__call_id", "done", "application__reference")
    )
    phases = active_phases({a.application.call_id for a in assignments})
    groups: dict[int, dict] = {}
    for assignment in assignments:
        call = assignment.application.call
        group = groups.setdefault(call.pk, {"call": call, "phase": phases.get(call.pk), "items": [], "done": 0})
        group["items"].append(assignment)
        group["done"] += int(assignment.done)
    return list(groups.values())


def next_in_queue(user, application) -> Application | None:
    """The next application of the same call the reviewer still has to review (in queue order, after this one
    by reference, then from the start), or None when nothing else is outstanding. One query."""
    written = Review.objects.filter(application_id=OuterRef("application_id"), reviewer=user, kind=Kind.REVIEW)
    conflicted = ConflictOfInterest.objects.filter(application_id=OuterRef("application_id"), reviewer=user)
    outstanding = [a.application for a in (
        ReviewAssignment.objects.filter(reviewer=user, kind=Kind.REVIEW, application__call_id=application.call_id,
                                        application__state__in=REVIEWABLE_STATES)
        .exclude(application_id=application.pk).exclude(Exists(conflicted)).exclude(Exists(written))
        .select_related("application").order_by("application__reference")
    )]
    after = [a for a in outstanding if a.reference > application.reference]
    return (after or outstanding or [None])[0]


def managed_calls(user) -> list[Call]:
    editions = roles.edition_ids_with_role(user, Role.MANAGER)
    return list(Call.objects.filter(edition_id__in=editions).select_related("edition").order_by("-opens_at"))


def managed_editions(user) -> list[Edition]:
    editions = roles.edition_ids_with_role(user, Role.MANAGER)
    return list(Edition.objects.filter(pk__in=editions).order_by("-acceptance_letter_on"))


def team_of(edition) -> list[dict]:
    """The people of the edition's team with their roles: [{user, memberships}] by name."""
    people: dict[int, dict] = {}
    for membership in TeamMembership.objects.filter(edition=edition).select_related("user").order_by(
        "user__full_name", "user__email", "role"
    ):
        people.setdefault(membership.user_id, {"user": membership.user, "memberships": []})["memberships"].append(membership)
    return list(people.values())


def reviewers_queryset(edition):
    return (
        get_user_model().objects.filter(is_active=True, team_roles__edition=edition, team_roles__role=Role.REVIEWER)
        .distinct().order_by("full_name", "email")
    )


def criteria_of(call, kind: str | None = None) -> list[Criterion]:
    queryset = Criterion.objects.filter(call=call).order_by("kind", "order", "id")
    if kind:
        queryset = queryset.filter(kind=kind)
    return list(queryset)


def submitted_applications(call):
    return Application.objects.filter(call=call, state=Application.State.SUBMITTED).order_by("reference")


def assignment_board(call, applications) -> dict:
    """For a page of ``applications``: their reviewers (with done or not), and every reviewer's load in the call.
    Three queries, whatever the number of applications."""
    ids = [a.pk for a in applications]
    by_application: dict[int, list] = defaultdict(list)
    written = set(
        Review.objects.filter(application_id__in=ids, kind=Kind.REVIEW).values_list("application_id", "reviewer_id")
    )
    for assignment in ReviewAssignment.objects.filter(application_id__in=ids, kind=Kind.REVIEW).select_related(
        "reviewer"
    ).order_by("reviewer__full_name"):
        assignment.done = (assignment.application_id, assignment.reviewer_id) in written
        by_application[assignment.application_id].append(assignment)
    conflicts: dict[int, list] = defaultdict(list)
    for conflict in ConflictOfInterest.objects.filter(application_id__in=ids).select_related("reviewer"):
        conflicts[conflict.application_id].append(conflict)
    return {"assignments": by_application, "conflicts": conflicts}


def reviewer_loads(call, reviewers) -> list[dict]:
    """Each reviewer's assignments and reviews in ``call`` (one query)."""
    rows = {
        row["reviewer_id"]: row
        for row in ReviewAssignment.objects.filter(application__call=call, kind=Kind.REVIEW)
        .values("reviewer_id")
        .annotate(
            assigned=Count("id"),
            done=Count("id", filter=Exists(Review.objects.filter(
                application_id=OuterRef("application_id"), reviewer_id=OuterRef("reviewer_id"), kind=Kind.REVIEW))),
        )
        .order_by()
    }
    return [
        {"reviewer": reviewer, "assigned": rows.get(reviewer.pk, {}).get("assigned", 0),
         "done": rows.get(reviewer.pk, {}).get("done", 0)}
        for reviewer in reviewers
    ]


def needing_reviews(call, per_application: int):
    """Submitted applications of ``call`` with fewer than ``per_application`` reviews written, annotated with
    ``n_assigned`` and ``n_reviews`` (one query)."""
    return (
        submitted_applications(call)
        .annotate(
            n_assigned=Count("review_assignments", filter=Q(review_assignments__kind=Kind.REVIEW), distinct=True),
            n_reviews=Count("reviews", filter=Q(reviews__kind=Kind.REVIEW), distinct=True),
        )
        .filter(n_reviews__lt=per_application)
        .order_by("n_reviews", "n_assigned", "reference")
    )


def conflicts_of_call(call):
    return (
        ConflictOfInterest.objects.filter(application__call=call)
        .select_related("application", "reviewer").order_by("application__reference", "reviewer__full_name")
    )


def reviews_of(application, kind: str = Kind.REVIEW) -> list[Review]:
    """The reviews of ``application`` with their scores and reviewers (two queries)."""
    return list(
        Review.objects.filter(application=application, kind=kind)
        .select_related("reviewer").prefetch_related("scores__criterion").order_by("submitted_at")
    )


def documents_of(application) -> dict[str, Document]:
    return {d.kind: d for d in Document.objects.filter(application=application)}


def application_for_review(pk: int) -> Application | None:
    return Application.objects.filter(pk=pk).select_related("call__edition__programme", "applicant").first()


# --- for the apps above (interviews, admissions): reads of reviews without importing the models -------------


def review_exists(*, application, kind: str):
    """An ``Exists`` of a review of ``kind`` of ``application`` (an id or an ``OuterRef``), for annotations."""
    return Exists(Review.objects.filter(application=application, kind=kind))


def review_by(application, reviewer, kind: str) -> Review | None:
    """The review of ``kind`` ``reviewer`` wrote of ``application``, with its scores (None: none yet)."""
    return Review.objects.filter(application=application, reviewer=reviewer, kind=kind).prefetch_related("scores").first()


def reviews_with_reviewer(application, kind: str) -> list[Review]:
    """The reviews of ``kind`` of ``application`` with their reviewers, oldest first (one query)."""
    return list(
        Review.objects.filter(application=application, kind=kind).select_related("reviewer").order_by("submitted_at")
    )


def reviewed_counts(call_ids, kind: str = Kind.REVIEW) -> dict[int, int]:
    """{call id: how many submitted applications have at least one review of ``kind``} (one query)."""
    rows = (
        Review.objects.filter(application__call_id__in=call_ids, kind=kind,
                              application__state=Application.State.SUBMITTED)
        .values_list("application__call_id").annotate(n=Count("application_id", distinct=True)).order_by()
    )
    return dict(rows)


# --- the staff dashboard (campus.core.plugins.dashboard) ------------------------------------------------------


def _outstanding(call_ids):
    """Review assignments of ``call_ids`` still to be written: the application is reviewable, no review by the
    assigned reviewer yet, no conflict declared."""
    written = Review.objects.filter(application_id=OuterRef("application_id"), reviewer_id=OuterRef("reviewer_id"),
                                    kind=Kind.REVIEW)
    conflicted = ConflictOfInterest.objects.filter(application_id=OuterRef("application_id"),
                                                   reviewer_id=OuterRef("reviewer_id"))
    return (
        ReviewAssignment.objects.filter(kind=Kind.REVIEW, application__call_id__in=list(call_ids),
                                        application__state__in=REVIEWABLE_STATES)
        .exclude(Exists(written)).exclude(Exists(conflicted))
    )


def outstanding_by_reviewer(call_ids) -> dict[int, list[tuple]]:
    """{call id: [(reviewer id, name, how many reviews they have still to write), ...] by name} (one query)."""
    rows = (
        _outstanding(call_ids).values("application__call_id", "reviewer_id", "reviewer__full_name", "reviewer__email")
        .annotate(n=Count("id")).order_by("reviewer__full_name", "reviewer__email")
    )
    result: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        name = row["reviewer__full_name"] or row["reviewer__email"]
        result[row["application__call_id"]].append((row["reviewer_id"], name, row["n"]))
    return result


def outstanding_of(user, call_ids) -> dict[int, int]:
    """{call id: how many reviews ``user`` still has to write} (one query)."""
    rows = (_outstanding(call_ids).filter(reviewer=user).values_list("application__call_id")
            .annotate(n=Count("id")).order_by())
    return dict(rows)


def needing_reviews_counts(calls) -> dict[int, int]:
    """{call id: submitted applications with fewer reviews than the active phase asks for} (one query for the
    phases, one per call)."""
    phases = active_phases(call.pk for call in calls)
    return {call.pk: needing_reviews(call, phases[call.pk].reviews_per_application if call.pk in phases else 2)
            .count() for call in calls}


def outstanding_applications(call, reviewer_id):
    """Submitted applications of ``call`` assigned to ``reviewer_id`` whose review is not written yet."""
    ids = _outstanding([call.pk]).filter(reviewer_id=reviewer_id).values("application_id")
    return submitted_applications(call).filter(pk__in=ids)
