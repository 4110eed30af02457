"""Fixtures of the certificate tests: a test criterion of our own (registered for the test, then removed), the
seed edition's manager, participants, and an edition with rules."""

from datetime import date

import pytest

from campus.core.plugins import criteria as registry
from campus.programme.models import Edition
from campus.team.models import TeamMembership
from tests.cohort.conftest import make_participant
from tests.interviews.conftest import make_person

Role = TeamMembership.Role

# participant pk -> points; the test criterion reads it (no query, like a criterion that answers for all at once)
POINTS: dict[int, int] = {}


def _evaluate(edition, participants, params):
    needed = params["minimum"]
    return {p.pk: registry.Verdict(POINTS.get(p.pk, 0) >= needed,
                                   f"{POINTS.get(p.pk, 0)} of {needed} points") for p in participants}


TEST_CRITERION = registry.Criterion(
    key="test_points", label="Points (test)", evaluate=_evaluate,
    describe=lambda params: f"At least {params['minimum']} points",
    parameters=(registry.Parameter("minimum", "At least this many points", default=3, minimum=1),),
)


@pytest.fixture
def test_criterion():
    registry.register(TEST_CRITERION)
    POINTS.clear()
    yield TEST_CRITERION
    registry.unregister(TEST_CRITERION)
    POINTS.clear()


@pytest.fixture
def edition(seeded):
    return seeded


@pytest.fixture
def manager(edition):
    return make_person("mia.manager@example.org", Role.MANAGER, edition=edition)


@pytest.fixture
def other_edition(seeded):
    return Edition.objects.create(
        programme=seeded.programme, name="2030–2031", slug="2030-2031", capacity=20,
        application_deadline=date(2030, 4, 30), acceptance_letter_on=date(2030, 5, 29),
        hours_per_week_min=5, hours_per_week_max=9,
    )


@pytest.fixture
def foreign_manager(other_edition):
    return make_person("fred.foreign@example.org", Role.MANAGER, edition=other_edition)


@pytest.fixture
def pia(edition):
    return make_participant(edition, "pia.participant@example.org", given="Pia", family="Participant")


@pytest.fixture
def olli(edition):
    return make_participant(edition, "olli.other@example.org", given="Olli", family="Other")


@pytest.fixture
def ruled(edition, manager, test_criterion):
    """The edition with one rule: at least 3 points."""
    from campus.certificates import services

    services.save_rules(edition=edition, chosen={"test_points": {"minimum": 3}}, actor=manager)
    return edition


@pytest.fixture
def issued(ruled, pia, manager, django_capture_on_commit_callbacks):
    """Pia's valid certificate."""
    from campus.certificates import services

    POINTS[pia.pk] = 5
    with django_capture_on_commit_callbacks():
        [certificate] = services.issue(edition=ruled, actor=manager, participant_ids=[pia.pk])
    return certificate
