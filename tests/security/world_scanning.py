"""Signal scanning's objects in the security world. Sigrid, another participant of the edition, has a private
signal (the secret marker in its text and a comment: no role of the world may read it), a signal shared with her
coaching group, which the "participant" role is not in (``GROUP_SECRET`` in its text and a comment: the module
lead and the manager read it on the staff pages, as the cohort's work, and nobody else; the walk in
test_scanning_walk.py checks it), and a cohort-visible signal without a marker, with a live public link. Her
private signal once had a public link, revoked since: the old token answers 404. The "participant" role has a
private signal of its own."""

from django.contrib.auth import get_user_model

from campus.coaching.models import CoachingGroup, CoachingRound, GroupMember
from campus.cohort.models import Participant
from campus.scanning import services

from .world import SECRET

OWN, PRIVATE, GROUP, COHORT = 993001, 993002, 993003, 993004
# In Sigrid's group signal: her coaching group (not a role of the world) and the edition's leads and managers.
GROUP_SECRET = "Qx7GROUPSIGNAL"


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
        GROUP: services.create_signal(actor=sigrid, edition=edition, title=f"Group {GROUP_SECRET}",
                                      why=GROUP_SECRET, visibility="group", group=group),
        COHORT: services.create_signal(actor=sigrid, edition=edition, title="Cohort signal", visibility="cohort"),
        OWN: services.create_signal(actor=world.users["participant"], edition=edition, title="My own signal"),
    }
    for pk, signal in made.items():
        type(signal).objects.filter(pk=signal.pk).update(id=pk)
    signals = {pk: type(made[pk]).objects.get(pk=pk) for pk in made}
    services.comment(signal=signals[PRIVATE], actor=sigrid, text=f"Comment {SECRET}")
    services.comment(signal=signals[GROUP], actor=sigrid, text=f"Comment {GROUP_SECRET}")
    revoked = services.open_public_link(signal=signals[PRIVATE], actor=sigrid)
    services.revoke_public_link(signal=signals[PRIVATE], actor=sigrid)
    public = services.open_public_link(signal=signals[COHORT], actor=sigrid)
    world.values.update(signal_own=OWN, signal_private=PRIVATE, signal_group=GROUP, signal_cohort=COHORT,
                        signal_public_token=public, signal_revoked_token=revoked)
