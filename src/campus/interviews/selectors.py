"""Reads of interviews for the pages (query counts pinned by tests) and for other apps (the admissions board)."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from campus.applications.models import Application, Call
from campus.review import selectors as review_selectors
from campus.review.models import Kind
from campus.team.selectors import editions_managed_by

from .models import InterviewSlot, Invitation
from .permissions import STAFF_ROLES, edition_ids_for_staff

INVITED, BOOKED, ASSESSED = "invited", "booked", "assessed"
STATE_LABELS = {INVITED: "Invited, no time booked", BOOKED: "Booked", ASSESSED: "Assessed"}


def states_by_application(call) -> dict[int, str]:
    """{application id: "invited" | "booked" | "assessed"} for the live invitations of ``call``, in one query.
    "assessed": at least one review of kind "interview" exists; "booked": a slot is booked."""
    rows = (
        Invitation.objects.filter(application__call=call, cancelled_at__isnull=True)
        .annotate(
            booked=Exists(InterviewSlot.objects.filter(booked_by=OuterRef("application_id"))),
            assessed=review_selectors.review_exists(application=OuterRef("application_id"), kind=Kind.INTERVIEW),
        )
        .values_list("application_id", "booked", "assessed")
    )
    return {pk: ASSESSED if assessed else BOOKED if booked else INVITED for pk, booked, assessed in rows}


def editions_for_staff(user) -> list:
    """The editions whose interview pages ``user`` may open (current first, newest next)."""
    return editions_managed_by(user, *STAFF_ROLES)


def calls_for_staff(user) -> list[Call]:
    """Calls of the editions whose interviews ``user`` may see, newest first."""
    return list(
        Call.objects.filter(edition_id__in=edition_ids_for_staff(user))
        .select_related("edition__programme")
        .order_by("-opens_at")
    )


def slots_of(call):
    """Every slot of ``call`` with its panel and whoever booked it (three queries whatever the number)."""
    return list(
        InterviewSlot.objects.filter(call=call)
        .select_related("booked_by__applicant")
        .prefetch_related("panel")
        .order_by("starts_at", "pk")
    )


def invitations_of(call):
    """The invitations of ``call`` (cancelled ones last) with the application and its booked slot."""
    return list(
        Invitation.objects.filter(application__call=call)
        .select_related("application__applicant", "application__interview_slot", "invited_by")
        .order_by("cancelled_at", "application__full_name", "pk")
    )


def free_slots(call, *, after=None):
    """Slots of ``call`` nobody holds that start after ``after`` (default: now). A withdrawn application holds
    none: its withdrawal freed it (``services.application_withdrawn``)."""
    after = after or timezone.now()
    return list(InterviewSlot.objects.filter(call=call, booked_by__isnull=True, starts_at__gt=after)
                .order_by("starts_at", "pk"))


def slot_for_panel(pk: int):
    return (
        InterviewSlot.objects.filter(pk=pk)
        .select_related("call__edition__programme", "booked_by__applicant", "booked_by__call")
        .prefetch_related("panel")
        .first()
    )


def interview_criteria(call):
    return review_selectors.criteria_of(call, Kind.INTERVIEW)


def assessment_of(application, reviewer):
    return review_selectors.review_by(application, reviewer, Kind.INTERVIEW)


def assessments_of(application):
    return review_selectors.reviews_with_reviewer(application, Kind.INTERVIEW)


def interviewers_of(call):
    """The people who may sit on a panel of ``call``: the edition's interviewers."""
    from django.contrib.auth import get_user_model

    from campus.team.models import TeamMembership

    return (
        get_user_model().objects.filter(team_roles__edition_id=call.edition_id,
                                        team_roles__role=TeamMembership.Role.INTERVIEWER)
        .distinct()
        .order_by("full_name", "email")
    )


# --- the staff dashboard (campus.core.plugins.dashboard) ------------------------------------------------------


def invited_not_booked(call_ids) -> dict[int, int]:
    """{call id: live invitations of submitted applications without a booked slot} (one query)."""
    from django.db.models import Count

    booked = InterviewSlot.objects.filter(booked_by=OuterRef("application_id"))
    rows = (
        Invitation.objects.filter(application__call_id__in=list(call_ids), cancelled_at__isnull=True,
                                  application__state=Application.State.SUBMITTED)
        .exclude(Exists(booked)).values_list("application__call_id").annotate(n=Count("pk")).order_by()
    )
    return dict(rows)


def to_assess(call_ids, *, panel_member=None) -> dict[int, int]:
    """{call id: booked interviews that are over and not assessed yet} (one query); with ``panel_member``, only
    the slots whose panel they sit on."""
    from django.db.models import Count

    slots = InterviewSlot.objects.filter(
        call_id__in=list(call_ids), ends_at__lt=timezone.now(), booked_by__isnull=False,
        booked_by__state=Application.State.SUBMITTED,
    ).exclude(review_selectors.review_exists(application=OuterRef("booked_by_id"), kind=Kind.INTERVIEW))
    if panel_member is not None:
        slots = slots.filter(panel=panel_member)
    return dict(slots.values_list("call_id").annotate(n=Count("pk", distinct=True)).order_by())
