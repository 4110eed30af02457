"""Fixtures of the radars: participants of the seed edition in two coaching groups, a module lead, a manager,
someone of another cohort, and a radar with a few blips."""

import pytest
from django.contrib.auth import get_user_model

from campus.coaching.models import CoachingGroup, CoachingRound, GroupMember
from campus.cohort.models import Participant
from campus.programme.models import Edition
from campus.radars import services
from campus.team.models import TeamMembership

PASSWORD = "a-long-password-1"


def make_user(email, name, **extra):
    return get_user_model().objects.create_user(email=email, password=PASSWORD, full_name=name, **extra)


def make_participant(edition, email, name):
    user = make_user(email, name)
    Participant.objects.create(edition=edition, user=user)
    return user


@pytest.fixture
def edition(seeded):
    return seeded


@pytest.fixture
def people(edition):
    """alice and bob share coaching group 1, carol is in group 2, dan is a participant of another edition."""
    alice = make_participant(edition, "alice@example.org", "Alice Adams")
    bob = make_participant(edition, "bob@example.org", "Bob Brown")
    carol = make_participant(edition, "carol@example.org", "Carol Clark")
    other = Edition.objects.get(pk=edition.pk)
    other.pk, other.name, other.slug, other.is_current = None, "2030–2031", "2030-2031", False
    other.save()
    dan = make_participant(other, "dan@example.org", "Dan Dunn")
    rnd = CoachingRound.objects.create(edition=edition, title="Round 1", proposal_key="r1")
    g1 = CoachingGroup.objects.create(round=rnd, number=1)
    g2 = CoachingGroup.objects.create(round=rnd, number=2)
    for user, group in ((alice, g1), (bob, g1), (carol, g2)):
        GroupMember.objects.create(round=rnd, group=group, participant=user.participations.get())
    lead = make_user("lena.lead@example.org", "Lena Lead", is_staff=True)
    TeamMembership.objects.create(edition=edition, user=lead, role=TeamMembership.Role.MODULE_LEAD)
    manager = make_user("mia.manager@example.org", "Mia Manager", is_staff=True)
    TeamMembership.objects.create(edition=edition, user=manager, role=TeamMembership.Role.MANAGER)
    return {"alice": alice, "bob": bob, "carol": carol, "dan": dan, "lead": lead, "manager": manager,
            "g1": g1, "g2": g2, "other": other}


@pytest.fixture
def radar(people, edition):
    """alice's private radar: first edition "2021-10" published with three blips, no draft."""
    alice = people["alice"]
    radar = services.create_radar(actor=alice, edition=edition, title="Alice's radar", first_edition="2021-10")
    first = radar.editions.get()
    services.add_blip(edition=first, actor=alice, name="Digital twins", quadrant=0, ring=2, tags="industry, AI")
    services.add_blip(edition=first, actor=alice, name="Open data", quadrant=2, ring=1)
    services.add_blip(edition=first, actor=alice, name="Mentoring", quadrant=3, ring=0)
    services.publish(edition=first, actor=alice)
    return radar
