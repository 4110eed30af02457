"""Fixtures of the interview tests: a call with interview criteria, its team, invited applications, slots."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from campus.applications.models import Call
from campus.interviews import services
from campus.programme.models import Edition
from campus.review.models import Criterion, Kind
from campus.team.models import TeamMembership
from tests.applications.conftest import call  # noqa: F401,F811 - a fixture
from tests.applications.staff_factories import make_application

Role = TeamMembership.Role


def make_person(email, *roles, edition=None, staff=True):
    user = get_user_model().objects.create_user(email=email, password="a-long-password-1", is_staff=staff,
                                                full_name=email.split("@")[0].replace(".", " ").title())
    for role in roles:
        TeamMembership.objects.create(edition=edition, user=user, role=role)
    return user


@pytest.fixture
def edition(call):
    return call.edition


@pytest.fixture
def criteria(call):
    """The interview criteria of the call (the seed has some; else two are made)."""
    seeded = list(Criterion.objects.filter(call=call, kind=Kind.INTERVIEW).order_by("order", "pk"))
    if len(seeded) >= 2:
        return seeded
    return [
        Criterion.objects.create(call=call, kind=Kind.INTERVIEW, name="Communication", weight=2, order=1),
        Criterion.objects.create(call=call, kind=Kind.INTERVIEW, name="Motivation", weight=1, order=2),
    ]


@pytest.fixture
def manager(edition):
    return make_person("mia.manager@example.org", Role.MANAGER, edition=edition)


@pytest.fixture
def interviewer(edition):
    return make_person("ivan.interviewer@example.org", Role.INTERVIEWER, edition=edition)


@pytest.fixture
def second_interviewer(edition):
    return make_person("ines.interviewer@example.org", Role.INTERVIEWER, edition=edition)


@pytest.fixture
def other_edition(seeded):
    return Edition.objects.create(
        programme=seeded.programme, name="2030–2031", slug="2030-2031", capacity=20,
        application_deadline=date(2030, 4, 30), acceptance_letter_on=date(2030, 5, 29),
        hours_per_week_min=5, hours_per_week_max=9,
    )


@pytest.fixture
def other_call(other_edition, call):
    now = timezone.now()
    return Call.objects.create(edition=other_edition, title="Other call", opens_at=now - timedelta(days=5),
                               closes_at=now + timedelta(days=40), reference_prefix="OTH30",
                               privacy_version=call.privacy_version)


@pytest.fixture
def foreign_interviewer(other_edition):
    """An interviewer and manager of another edition: must see nothing of this one."""
    return make_person("fred.foreign@example.org", Role.INTERVIEWER, Role.MANAGER, edition=other_edition)


@pytest.fixture
def application(call):
    return make_application(call, email="aino@example.fi", first_name="Aino", last_name="Virtanen")


@pytest.fixture
def second_application(call):
    return make_application(call, email="jonas@example.lt", first_name="Jonas", last_name="Petraitis")


def future(days=3, hour=9):
    moment = (timezone.now() + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return moment


@pytest.fixture
def make_slot(call, manager, interviewer):
    def make(*, days=3, hour=9, panel=None, target_call=None, place="", link="https://meet.example.org/room-1",
             zone="Europe/Helsinki"):
        start = future(days, hour)
        return services.create_slot(
            call=target_call or call, starts_at=start, ends_at=start + timedelta(minutes=30), timezone_name=zone,
            online_link=link, place=place, panel=[interviewer] if panel is None else panel, actor=manager,
        )

    return make


@pytest.fixture
def invited(application, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.invite(applications=[application], actor=manager)
    return application
