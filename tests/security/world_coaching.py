"""Peer coaching in the security world: a round of two groups in the edition. Group A holds the "participant"
role (a real participant, world_cohort.py) and two others; group B three strangers, whose session notes carry
the secret marker (no one outside group B may read them). Group A's notes carry ``NOTES_SECRET``: only the
participant may read them, never staff (tests/security/test_coaching_walk.py checks both on coaching's URLs)."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from campus.cohort.models import Participant
from campus.coaching.models import CoachingGroup, CoachingRound, CoachingSession, GroupMember

from .world import SECRET

# In group A's notes (the participant role's own group): only that participant may read it, never staff.
NOTES_SECRET = "Qx7COACHINGNOTES"
# In group B's notes (three strangers): no role of the world may read it.
OTHER_NOTES = "Group B's private notes"


def extend(world) -> None:
    edition = world.call.edition
    User = get_user_model()
    others = []
    for i in range(5):
        user = User.objects.create_user(email=f"coachee{i}@example.org", password=None, full_name=f"Coachee {i}")
        others.append(Participant.objects.create(edition=edition, user=user))
    mine = Participant.objects.get(edition=edition, user=world.users["participant"])
    round_ = CoachingRound.objects.create(edition=edition, title="Coaching round 1", seed=1, proposal_key="world",
                                         created_by=world.users["manager"])
    group_a = CoachingGroup.objects.create(round=round_, number=1, reason="3 countries, 2 sectors")
    group_b = CoachingGroup.objects.create(round=round_, number=2, reason="3 countries, 3 sectors")
    for group, members in ((group_a, [mine, *others[:2]]), (group_b, others[2:])):
        for participant in members:
            GroupMember.objects.create(round=round_, group=group, participant=participant)
    session = CoachingSession.objects.create(group=group_b, held_on=timezone.localdate(), logged_by=others[2],
                                             notes=f"{OTHER_NOTES} {SECRET}")
    session.attendees.set(others[2:])
    mine_session = CoachingSession.objects.create(group=group_a, held_on=timezone.localdate(), logged_by=mine,
                                                  notes=f"Group A's own notes {NOTES_SECRET}")
    mine_session.attendees.set([mine])
    world.values.update({"coaching_edition": edition.pk, "coaching_round": round_.pk,
                         "coaching_group": group_a.pk, "coaching_other_group": group_b.pk})
