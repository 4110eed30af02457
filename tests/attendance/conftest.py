"""Fixtures of the attendance tests: the seed edition's modules and meetups, its team (a manager, the lead of
module 1, the lead of module 2), participants (joined long ago unless said otherwise) and sessions."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from campus.attendance import services
from campus.cohort.models import Participant
from campus.programme.models import Meetup, Module
from campus.team.models import TeamMembership
from tests.cohort.conftest import make_participant

Role = TeamMembership.Role
LONG_AGO = timezone.now() - timedelta(days=3650)


def make_staff(email, role, edition, module=None):
    user = get_user_model().objects.create_user(email=email, password="a-long-password-1", is_staff=True,
                                                full_name=email.split("@")[0].replace(".", " ").title())
    TeamMembership.objects.create(edition=edition, user=user, role=role, module=module)
    return user


def joined(participant, when):
    Participant.objects.filter(pk=participant.pk).update(created_at=when)
    participant.created_at = when
    return participant


@pytest.fixture
def edition(seeded):
    return seeded


@pytest.fixture
def module1(edition):
    return Module.objects.get(edition=edition, number=1)


@pytest.fixture
def module2(edition):
    return Module.objects.get(edition=edition, number=2)


@pytest.fixture
def meetup1(module1):
    return Meetup.objects.filter(module=module1).order_by("starts_at").first()


@pytest.fixture
def meetup2(module2):
    return Meetup.objects.filter(module=module2).order_by("starts_at").first()


@pytest.fixture
def manager(edition):
    return make_staff("maria.manager@example.org", Role.MANAGER, edition)


@pytest.fixture
def lead1(edition, module1):
    return make_staff("lena.lead@example.org", Role.MODULE_LEAD, edition, module1)


@pytest.fixture
def lead2(edition, module2):
    return make_staff("otto.other@example.org", Role.MODULE_LEAD, edition, module2)


@pytest.fixture
def member(edition):
    return joined(make_participant(edition, "pia.participant@example.org"), LONG_AGO)


@pytest.fixture
def make_members(edition):
    def make(count, prefix="p"):
        return [joined(make_participant(edition, f"{prefix}{i}@example.org", given=f"Given{i}",
                                        family=f"Family{prefix}{i:03d}"), LONG_AGO) for i in range(count)]
    return make


@pytest.fixture
def make_session(manager):
    """A session of ``meetup`` (or a webinar when ``meetup`` is None and ``edition``/``module`` given) that
    starts ``start`` minutes from now and lasts ``minutes``."""
    def make(meetup=None, *, start=0, minutes=90, title="Morning session", **extra):
        begins = timezone.now() + timedelta(minutes=start)
        return services.create_session(actor=manager, meetup=meetup, title=title, starts_at=begins,
                                       ends_at=begins + timedelta(minutes=minutes), **extra)
    return make
