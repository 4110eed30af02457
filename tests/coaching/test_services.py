"""The services of coaching: every change in the activity log; a round saved once per proposal; moves that
cross rounds or stay put are refused; a group may grow over 4 only when confirmed."""

import pytest
from django.utils import timezone

from campus.coaching import proposals, services
from campus.coaching.models import CoachingRound, GroupMember
from campus.core.models import ActivityLog

from .conftest import make_cohort
from .test_staff_pages import saved_round

pytestmark = pytest.mark.django_db


def test_a_proposal_is_saved_once_and_logged(edition, manager):
    make_cohort(edition, 10)
    planned = proposals.propose(edition, seed=4)
    kwargs = dict(edition=edition, title="R", module=None, seed=4, proposal_key=planned.key,
                  groups=planned.proposal.groups, actor=manager)
    first, created = services.save_round(**kwargs)
    again, created_again = services.save_round(**kwargs)
    assert created and not created_again and first == again and CoachingRound.objects.count() == 1
    assert sorted(len(g.members.all()) for g in first.groups.all()) == [3, 3, 4]
    assert ActivityLog.objects.filter(action="coaching.round_saved", actor=manager).count() == 1


def test_moves_that_make_no_sense_are_refused(edition, manager):
    make_cohort(edition, 7)
    first = saved_round(edition, manager, seed=1, title="R1")
    second = saved_round(edition, manager, seed=2, title="R2")
    member = first.members.first()
    with pytest.raises(services.CoachingError, match="not in this round"):
        services.move_member(round_=first, participant_id=member.participant_id, to_group=second.groups.first(),
                             actor=manager)
    with pytest.raises(services.CoachingError, match="already in group"):
        services.move_member(round_=first, participant_id=member.participant_id, to_group=member.group,
                             actor=manager)


def test_a_group_grows_over_four_only_when_confirmed(edition, manager):
    make_cohort(edition, 8)  # two groups of 4
    round_ = saved_round(edition, manager)
    late = make_cohort(edition, 1, prefix="late")[0]
    target = round_.groups.first()
    with pytest.raises(services.NeedsConfirmation, match="would have 5 members"):
        services.move_member(round_=round_, participant_id=late.pk, to_group=target, actor=manager)
    services.move_member(round_=round_, participant_id=late.pk, to_group=target, actor=manager, confirmed=True)
    assert GroupMember.objects.filter(group=target).count() == 5
    entry = ActivityLog.objects.get(action="coaching.member_moved")
    assert entry.data["warnings"] == ["group 1 would have 5 members (more than 4)"]


def test_a_logged_session_is_in_the_activity_log_without_its_notes(edition, manager):
    make_cohort(edition, 6)
    group = saved_round(edition, manager).groups.first()
    me = group.members.first().participant
    services.log_session(group=group, logged_by=me, held_on=timezone.localdate(), attendee_ids=[me.pk],
                         notes="Private words", actor=me.user)
    entry = ActivityLog.objects.get(action="coaching.session_logged")
    assert "Private words" not in str(entry.data)
