"""The results of a survey with 250 answers: the same number of queries as with a handful, and fast."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from campus.cohort.models import Participant
from campus.feedback.models import Completion, Response

from .conftest import answers_for, build_survey
from .test_views import QUERIES

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_results_of_250_answers(client, seeded, manager, django_assert_num_queries):
    survey = build_survey(seeded, manager, anonymous=True)
    User = get_user_model()
    users = User.objects.bulk_create([User(email=f"s{n}@example.org", full_name=f"S {n}") for n in range(250)])
    people = Participant.objects.bulk_create([Participant(edition=seeded, user=user) for user in users])
    Completion.objects.bulk_create([Completion(survey=survey, participant=p) for p in people])
    Response.objects.bulk_create([Response(survey=survey, released=True, answers=answers_for(
        survey, likert=1 + n % 5, single=("Day one", "Day two")[n % 2], multiple=("Talks", "Peers")[: n % 3],
        text=f"Remark {n}")) for n in range(250)])
    client.force_login(manager)
    url = reverse("staff_feedback:results", args=[survey.pk])
    client.get(url)
    with django_assert_num_queries(QUERIES):
        started = time.perf_counter()
        text = client.get(url).content.decode()
        elapsed = time.perf_counter() - started
    assert "250 of 250 participants answered" in text and "Remark 249" in text
    print(f"results of 250 answers: {elapsed * 1000:.0f} ms")
    assert elapsed < 2.0, f"{elapsed:.2f} s"
