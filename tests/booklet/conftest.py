"""Fixtures of the booklet tests: participants of the seed edition with profiles, a manager, another edition."""

import pytest

from campus.booklet import services
from campus.booklet.models import BookletProfile
from tests.cohort.conftest import make_participant
from tests.cohort.conftest import manager, manager_client, other_edition, participant, participant_client  # noqa: F401


def make_profile(edition, email: str, *, level: str | None = None, given: str = "Pia", family: str = "Participant",
                 **fields) -> BookletProfile:
    """A participant of ``edition`` with a booklet profile (``fields``) and, if ``level``, a recorded consent."""
    person = make_participant(edition, email, given=given, family=family)
    profile = services.profile_for(participant=person)
    data = {"display_name": f"{given} {family}", "role": "Cluster manager", "organisation": "Org",
            "cluster_name": f"{family} Cluster", "country": "FI", "sector": "digital", **fields}
    services.save_profile(profile=profile, data=data, actor=person.user)
    if level:
        services.record_consent(profile=profile, level=level, actor=person.user)
    profile.refresh_from_db()
    return profile


@pytest.fixture
def edition(seeded):
    return seeded
