"""The participant area's "Coaching" section asks whether the participant is in a group on every /me/ page: the
answer comes with the query that loads the participant (core.plugins.participant.register_annotation), so it
costs no query of its own; a participant loaded another way still gets the right answer (one query)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campus.coaching import selectors
from campus.cohort.models import Participant
from campus.cohort.selectors import current_participation

from .conftest import make_cohort
from .test_participant_pages import member_of
from .test_staff_pages import saved_round

pytestmark = pytest.mark.django_db


def test_the_section_predicate_costs_no_query(edition, manager):
    make_cohort(edition, 8)
    round_ = saved_round(edition, manager, seed=1, title="Round 1")
    inside = member_of(round_.groups.first())
    outside = make_cohort(edition, 1, prefix="late")[0]  # came after the round: in no group
    for participant, expected in ((inside, True), (outside, False)):
        user = participant.user
        user.__dict__.pop("_campus_participation", None)
        loaded = current_participation(user)
        with CaptureQueriesContext(connection) as captured:
            assert selectors.has_group(loaded) is expected
        assert len(captured) == 0
        plain = Participant.objects.get(pk=participant.pk)  # loaded without the annotation: one query
        with CaptureQueriesContext(connection) as captured:
            assert selectors.has_group(plain) is expected
        assert len(captured) == 1
