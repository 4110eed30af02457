"""Signal scanning's objects in the security world. Sigrid, another participant of the edition, has a private
signal and a signal shared with her coaching group (the "participant" role is not in it), both with the secret
marker in the text and in a comment, and a cohort-visible signal without it. The "participant" role has a
private signal of its own."""

from django.contrib.auth import get_user_model

from campus.coaching.models import CoachingGroup, CoachingRound, GroupMember
from campus.cohort.models import Participant
from campus.scanning import services

from .world import SECRET

OWN, PRIVATE, GROUP, COHORT = 993001, 993002, 993003, 993004


def extend(world) -> None:
    edition = world.call.edition
    sigrid = get_user_model().objects.create_user(email="sigrid@example.org", password="a-long-password-1",
                                                  full_name="Sigrid Scanner")
    member = Participant.objects.create(edition=edition, user=sigrid)
    rnd = CoachingRound.objects.create(edition=edition, title="Scanning round", proposal_key="scan")
    group = CoachingGroup.objects.create(round=rnd, number=71)
    GroupMember.objects.create(round=rnd, group=group, participant=member)
    made = {
        PRIVATE: services.create_signal(actor=sigrid, edition=edition, title=f"Private {SECRET}", why=SECRET),
        GROUP: services.create_signal(actor=sigrid, edition=edition, title=f"Group {SECRET}", why=SECRET,
                                      visibility="group", group=group),
        COHORT: services.create_signal(actor=sigrid, edition=edition, title="Cohort signal", visibility="cohort"),
        OWN: services.create_signal(actor=world.users["participant"], edition=edition, title="My own signal"),
    }
    for pk, signal in made.items():
        type(signal).objects.filter(pk=signal.pk).update(id=pk)
    for pk in (PRIVATE, GROUP):
        signal = type(made[pk]).objects.get(pk=pk)
        services.comment(signal=signal, actor=sigrid, text=f"Comment {SECRET}")
    world.values.update(signal_own=OWN, signal_private=PRIVATE, signal_group=GROUP, signal_cohort=COHORT)
