"""Two tabs press "Submit" on the same survey at the same moment (threads, each with its own database
connection): one response and one completion; the other tab is told the survey is answered once; no
"database is locked". Runs on SQLite and on PostgreSQL (DATABASE_URL)."""

import threading

import pytest
from django.db import connection

from campus.feedback import services
from campus.feedback.models import Completion, Response
from tests.cohort.conftest import make_participant

from .conftest import answers_for, build_survey, make_staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_two_submits_at_once_store_one_response(seeded):
    from campus.team.models import Role

    manager = make_staff(seeded, "m@example.org", Role.MANAGER)
    outcomes = []
    for round_ in range(3):
        survey = build_survey(seeded, manager, anonymous=True, title=f"Round {round_}")
        person = make_participant(seeded, f"p{round_}@example.org")
        barrier = threading.Barrier(2)

        def press():
            try:
                barrier.wait()
                services.submit(survey=survey, participant=person, answers=answers_for(survey))
                outcomes.append("stored")
            except services.SurveyError as refusal:
                outcomes.append(str(refusal))
            finally:
                connection.close()

        threads = [threading.Thread(target=press) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert Response.objects.filter(survey=survey).count() == 1
        assert Completion.objects.filter(survey=survey).count() == 1
    assert outcomes.count("stored") == 3
    assert all("answered once" in outcome for outcome in outcomes if outcome != "stored")
