"""The only place that changes peer coaching: saving a generated round, moving a participant between groups,
logging a session. Keyword-only arguments, one transaction each, every change in the activity log."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from campus.core.activity import log_activity

from . import generator, selectors
from .models import CoachingGroup, CoachingRound, CoachingSession, GroupMember

MIN_SIZE, MAX_SIZE = 3, 4


def latest_session_date() -> datetime.date:
    """The latest day a session can have been held: today somewhere on earth (UTC+14), so a participant
    ahead of the server's zone is never told their today is in the future."""
    return (timezone.now() + datetime.timedelta(hours=14)).astimezone(datetime.UTC).date()


class CoachingError(Exception):
    """A change refused, with the message the person reads."""


class NeedsConfirmation(CoachingError):
    """A change allowed only when confirmed (e.g. a group would drop under 3)."""


@transaction.atomic
def save_round(*, edition, title: str, module, seed: int, proposal_key: str, groups: list[generator.Group],
               actor) -> tuple[CoachingRound, bool]:
    """Save a previewed proposal as a round; returns (round, created). The same proposal saved twice (a
    double-clicked "Save") gives the round saved the first time."""
    existing = CoachingRound.objects.filter(edition=edition, proposal_key=proposal_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            round_ = CoachingRound.objects.create(edition=edition, module=module, title=title, seed=seed,
                                                  proposal_key=proposal_key, created_by=actor)
    except IntegrityError:
        return CoachingRound.objects.get(edition=edition, proposal_key=proposal_key), False
    made = CoachingGroup.objects.bulk_create(
        [CoachingGroup(round=round_, number=number, reason=group.reason)
         for number, group in enumerate(groups, start=1)])
    GroupMember.objects.bulk_create(
        [GroupMember(round=round_, group=made_group, participant_id=person.key)
         for made_group, group in zip(made, groups) for person in group.members])
    log_activity(action="coaching.round_saved", target=round_, actor=actor, groups=len(made),
                 members=sum(len(g.members) for g in groups), seed=seed)
    return round_, True


def _refresh_reasons(round_: CoachingRound) -> None:
    """After a change by hand: every group's reason says what the groups now are."""
    groups = list(CoachingGroup.objects.filter(round=round_).order_by("number"))
    keys = {g.pk: [] for g in groups}
    for group_id, participant_id in GroupMember.objects.filter(round=round_).values_list("group_id",
                                                                                         "participant_id"):
        keys[group_id].append(participant_id)
    participants = [p for p in selectors.cohort_of(round_.edition) if any(p.pk in k for k in keys.values())]
    people = selectors.people_of(participants, selectors.sectors_of(participants))
    earlier = selectors.earlier_groups(round_.edition, exclude_round=round_)
    explained = generator.explain(people, [keys[g.pk] for g in groups], met=selectors.met_pairs(earlier),
                                  earlier_groups=earlier)
    for group, described in zip(groups, explained.groups):
        reason = (described.reason + "; changed by hand") if described.members else "Empty: changed by hand"
        if group.reason != reason:
            group.reason = reason
            group.save(update_fields=["reason"])


@transaction.atomic
def move_member(*, round_: CoachingRound, participant_id: int, to_group: CoachingGroup, actor,
                confirmed: bool = False) -> GroupMember:
    """Put a participant of the round's edition into ``to_group`` (out of their group of the round, if any).
    A group that would drop under 3 or grow over 4 needs ``confirmed`` (else NeedsConfirmation)."""
    CoachingRound.objects.select_for_update().get(pk=round_.pk)  # one change of the round at a time
    if to_group.round_id != round_.pk:
        raise CoachingError("That group is not in this round.")
    if not round_.edition.participants.filter(pk=participant_id).exists():
        raise CoachingError("That person is not a participant of this edition.")
    member = GroupMember.objects.filter(round=round_, participant_id=participant_id).select_related("group").first()
    if member is not None and member.group_id == to_group.pk:
        raise CoachingError(f"They are already in group {to_group.number}.")
    warnings = []
    if member is not None:
        left = GroupMember.objects.filter(group_id=member.group_id).count() - 1
        if left < MIN_SIZE:
            warnings.append(f"group {member.group.number} would have {left} member{'s' if left != 1 else ''} "
                            f"(fewer than {MIN_SIZE})")
    size = GroupMember.objects.filter(group=to_group).count() + 1
    if size > MAX_SIZE:
        warnings.append(f"group {to_group.number} would have {size} members (more than {MAX_SIZE})")
    if warnings and not confirmed:
        raise NeedsConfirmation("After this move " + " and ".join(warnings) + ".")
    origin = member.group.number if member is not None else None
    if member is None:
        member = GroupMember.objects.create(round=round_, group=to_group, participant_id=participant_id)
    else:
        member.group = to_group
        member.save(update_fields=["group"])
    _refresh_reasons(round_)
    log_activity(action="coaching.member_moved", target=round_, actor=actor, participant=participant_id,
                 from_group=origin, to_group=to_group.number, warnings=warnings)
    return member


@transaction.atomic
def log_session(*, group: CoachingGroup, logged_by, held_on: datetime.date, attendee_ids, notes: str,
                actor) -> tuple[CoachingSession, bool]:
    """A member logs a session of their group; returns (session, created). Only members of the group can
    have taken part; a session cannot be in the future. The same session sent twice is logged once."""
    CoachingGroup.objects.select_for_update().get(pk=group.pk)
    member_ids = set(GroupMember.objects.filter(group=group).values_list("participant_id", flat=True))
    if logged_by.pk not in member_ids:
        raise CoachingError("Only a member of the group may log its sessions.")
    attendee_ids = {int(pk) for pk in attendee_ids}
    if not attendee_ids:
        raise CoachingError("Choose who took part.")
    if not attendee_ids <= member_ids:
        raise CoachingError("Only members of the group can have taken part.")
    if held_on > latest_session_date():
        raise CoachingError("A session can be logged once it has been held: the date is in the future.")
    notes = notes.strip()
    for earlier in CoachingSession.objects.filter(group=group, held_on=held_on, notes=notes):
        if set(earlier.attendees.values_list("pk", flat=True)) == attendee_ids:
            return earlier, False
    session = CoachingSession.objects.create(group=group, held_on=held_on, notes=notes, logged_by=logged_by)
    session.attendees.set(sorted(attendee_ids))
    log_activity(action="coaching.session_logged", target=session, actor=actor, group=group.pk,
                 attendees=len(attendee_ids))
    return session, True


# --- privacy (called by privacy_handler.py) --------------------------------------------------------------


@transaction.atomic
def clear_notes_of(*, participant_ids) -> int:
    """The notes of the sessions the erased person logged: cleared (they wrote them)."""
    return CoachingSession.objects.filter(logged_by_id__in=list(participant_ids)).exclude(notes="").update(
        notes="", updated_at=timezone.now())


@transaction.atomic
def forget_creator(*, user) -> int:
    return CoachingRound.objects.filter(created_by=user).update(created_by=None)


@transaction.atomic
def delete_rounds(*, round_ids) -> int:
    return CoachingRound.objects.filter(pk__in=list(round_ids)).delete()[1].get("coaching.CoachingRound", 0)


def record_export(*, round_: CoachingRound, fmt: str, count: int, actor) -> None:
    """Personal data leaves the system with an export: who took which list, and when, is logged."""
    log_activity(action="coaching.exported", target=round_, actor=actor, format=fmt, rows=count)
