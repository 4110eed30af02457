"""Reads of peer coaching (no writes here). Staff reads never load a session's notes (``STAFF_SESSION_FIELDS``):
the notes are private to the group's members."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from django.db.models import Count, Exists, OuterRef, Prefetch
from django_countries import countries

from campus.applications.models import Answer
from campus.cohort.models import Participant
from campus.programme.models import Module

from .generator import Person
from .models import CoachingGroup, CoachingRound, CoachingSession, GroupMember

SECTOR_KEY = "cluster_sector"  # the application's question whose answer is the participant's sector
STAFF_SESSION_FIELDS = ("id", "group_id", "held_on", "created_at")  # never the notes


def name_of(participant: Participant) -> str:
    user = participant.user
    application = participant.application
    return user.full_name or (application.full_name if application else "") or user.email


def country_of(participant: Participant) -> str:
    application = participant.application
    return application.country if application else ""


def country_name(code: str) -> str:
    return (countries.name(code) or code) if code else ""


def cohort_of(edition) -> list[Participant]:
    """The participants of ``edition`` with their accounts and applications (one query)."""
    return list(Participant.objects.filter(edition=edition).select_related("user", "application")
                .order_by("user__family_name", "user__given_name", "user__email", "pk"))


def sectors_of(participants) -> dict[int, str]:
    """{participant id: the sector from their application} (one query)."""
    by_application = {p.application_id: p.pk for p in participants if p.application_id}
    rows = Answer.objects.filter(application_id__in=list(by_application), question__key=SECTOR_KEY)
    result = {}
    for application_id, value in rows.values_list("application_id", "value"):
        if isinstance(value, str) and value.strip():
            result[by_application[application_id]] = " ".join(value.split())
    return result


def people_of(participants, sectors: dict[int, str]) -> list[Person]:
    return [Person(key=p.pk, name=name_of(p), country=country_of(p), country_name=country_name(country_of(p)),
                   sector=sectors.get(p.pk, "")) for p in participants]


def earlier_groups(edition, *, exclude_round=None) -> list[list[int]]:
    """Every group of the edition's rounds (but ``exclude_round``) as a list of participant ids (one query)."""
    rows = GroupMember.objects.filter(round__edition=edition)
    if exclude_round is not None:
        rows = rows.exclude(round=exclude_round)
    groups: dict[int, list[int]] = defaultdict(list)
    for group_id, participant_id in rows.order_by("group_id", "participant_id").values_list("group_id",
                                                                                            "participant_id"):
        groups[group_id].append(participant_id)
    return list(groups.values())


def met_pairs(groups: list[list[int]]) -> dict[frozenset, int]:
    met: dict[frozenset, int] = defaultdict(int)
    for members in groups:
        for a, b in combinations(members, 2):
            met[frozenset((a, b))] += 1
    return dict(met)


def rounds_of(edition) -> list[CoachingRound]:
    """The rounds of ``edition`` with their numbers of groups and members, oldest first (one query)."""
    return list(CoachingRound.objects.filter(edition=edition).select_related("module")
                .annotate(group_count=Count("groups", distinct=True), member_count=Count("members", distinct=True))
                .order_by("created_at", "id"))


def round_for_staff(pk, edition_ids) -> CoachingRound | None:
    return (CoachingRound.objects.filter(pk=pk, edition_id__in=edition_ids)
            .select_related("edition__programme", "module").first())


def groups_for_staff(round_: CoachingRound) -> list[CoachingGroup]:
    """The groups of a round with members (accounts, applications) and sessions (without notes) and who took
    part: four queries however many groups."""
    sessions = CoachingSession.objects.only(*STAFF_SESSION_FIELDS).prefetch_related(
        Prefetch("attendees", queryset=Participant.objects.select_related("user", "application")))
    members = GroupMember.objects.select_related("participant__user", "participant__application").order_by(
        "participant__user__family_name", "participant__user__given_name", "participant__user__email", "pk")
    return list(CoachingGroup.objects.filter(round=round_).order_by("number").prefetch_related(
        Prefetch("members", queryset=members), Prefetch("sessions", queryset=sessions)))


def memberships_of(participant: Participant) -> list[GroupMember]:
    """The participant's groups, newest round first, with their fellow members and the sessions (notes
    included: the participant is a member) and who took part (five queries however many)."""
    members = GroupMember.objects.select_related("participant__user", "participant__application").order_by(
        "participant__user__family_name", "participant__user__given_name", "participant__user__email", "pk")
    sessions = CoachingSession.objects.select_related("logged_by__user").prefetch_related(
        Prefetch("attendees", queryset=Participant.objects.select_related("user", "application")))
    return list(GroupMember.objects.filter(participant=participant)
                .select_related("group__round__module")
                .prefetch_related(Prefetch("group__members", queryset=members),
                                  Prefetch("group__sessions", queryset=sessions))
                .order_by("-round__created_at", "-round_id"))


CACHE = "_coaching_newest"  # on the Participant object of the request: the home block and the section share it


IN_GROUP = "coaching_in_group"  # computed by the query that loads the participant of the request (plugin.py)


def in_group_expression():
    return Exists(GroupMember.objects.filter(participant=OuterRef("pk")))


def has_group(participant: Participant) -> bool:
    """Whether the participant is in a coaching group (the participant area shows the section then): no query
    for the participant of the request (``IN_GROUP``, loaded with the row, or the home block's answer), one
    for a participant loaded some other way."""
    if IN_GROUP in participant.__dict__:
        return bool(participant.__dict__[IN_GROUP])
    if CACHE in participant.__dict__:
        return participant.__dict__[CACHE] is not None
    return GroupMember.objects.filter(participant=participant).exists()


def group_of_member(group_id, participant: Participant) -> CoachingGroup | None:
    """The group ``group_id`` when ``participant`` is one of its members; None otherwise."""
    return (CoachingGroup.objects.filter(pk=group_id, members__participant=participant)
            .select_related("round").first())


def members_of_queryset(group: CoachingGroup):
    """The members of ``group`` (for the choice of who took part in a session)."""
    return (Participant.objects.filter(coaching_memberships__group=group).select_related("user", "application")
            .order_by("user__family_name", "user__given_name", "user__email", "pk"))


def unassigned(round_: CoachingRound) -> list[Participant]:
    """Participants of the round's edition who are in no group of the round (e.g. joined after it was made)."""
    return list(Participant.objects.filter(edition_id=round_.edition_id)
                .exclude(coaching_memberships__round=round_).select_related("user", "application")
                .order_by("user__family_name", "user__given_name", "user__email", "pk"))


def newest_membership(participant: Participant) -> GroupMember | None:
    """The participant's group of the newest round (one query; cached on the participant object)."""
    if CACHE not in participant.__dict__:
        participant.__dict__[CACHE] = (GroupMember.objects.filter(participant=participant)
                                       .select_related("group__round").order_by("-round__created_at", "-round_id")
                                       .first())
    return participant.__dict__[CACHE]


def cohort_size(edition) -> int:
    return Participant.objects.filter(edition=edition).count()


def modules_of(edition):
    """The modules of ``edition`` in order (a query set: the round form's choices)."""
    return Module.objects.filter(edition=edition).order_by("number")


def round_count(edition) -> int:
    return CoachingRound.objects.filter(edition=edition).count()


def groups_of(round_):
    """The groups of ``round_`` in order (a query set: the move form's choices)."""
    return CoachingGroup.objects.filter(round=round_).order_by("number")


def round_of_proposal(edition, key: str) -> CoachingRound | None:
    """The round of ``edition`` already saved from the proposal ``key`` (a double-clicked "Save")."""
    return CoachingRound.objects.filter(edition=edition, proposal_key=key).first()
