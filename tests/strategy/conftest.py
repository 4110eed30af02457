"""Fixtures of the strategy: participants of the seed edition in two coaching groups, a module lead and a manager
of the edition, a lead of another edition, and alice's strategy with two objectives, actions, indicators and a
check-in."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from campus.coaching.models import CoachingGroup, CoachingRound, GroupMember
from campus.cohort.models import Participant
from campus.programme.models import Edition
from campus.strategy import services
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
    """alice and bob share coaching group 1, carol is in group 2, dan is a participant of another edition; lena
    leads modules and mia manages the edition; otto leads modules of the other edition."""
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
    otto = make_user("otto.other@example.org", "Otto Other", is_staff=True)
    TeamMembership.objects.create(edition=other, user=otto, role=TeamMembership.Role.MODULE_LEAD)
    return {"alice": alice, "bob": bob, "carol": carol, "dan": dan, "lead": lead, "manager": manager, "otto": otto,
            "g1": g1, "g2": g2, "other": other}


def build(actor, edition, *, name="Vaasa Energy Cluster", objectives=2, actions=2, indicators=1, checkins=1,
          **kwargs):
    strategy = services.create_strategy(actor=actor, edition=edition, cluster_name=name,
                                        vision="The leading energy cluster of the Baltic Sea Region.",
                                        mission="We connect companies, research and the region.", **kwargs)
    for n in range(1, objectives + 1):
        objective = services.add_objective(strategy=strategy, actor=actor, title=f"Objective {n}: grow exports")
        for k in range(1, actions + 1):
            services.save_action(objective=objective, actor=actor, title=f"Action {n}.{k}", owner_name="Cluster manager",
                                 due_date=date(2027, 6, k))
        for k in range(1, indicators + 1):
            services.save_indicator(objective=objective, actor=actor, name=f"Indicator {n}.{k}", unit="companies",
                                    baseline_value=Decimal(10), baseline_date=date(2026, 1, 1), direction="up",
                                    targets=[(date(2027, 12, 31), Decimal(20)), (date(2028, 12, 31), Decimal(30))])
    indicators_ = [i for o in strategy.objectives.all() for i in o.indicators.all()]
    actions_ = [a for o in strategy.objectives.all() for a in o.actions.all()]
    for c in range(checkins):
        services.record_checkin(strategy=strategy, actor=actor, date=date(2026, 3 + c % 9, 1 + c // 9),
                                note=f"Check-in {c + 1}", readings=[(i, Decimal(12 + c), "") for i in indicators_],
                                statuses={a: "started" for a in actions_})
    return strategy


@pytest.fixture
def strategy(people, edition):
    return build(people["alice"], edition)
