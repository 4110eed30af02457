"""The selection assistant with 1,000 applications: the same number of queries as with a handful (and no blow-up
in time: about 1 s alone here; the bound is loose because the suites run in parallel on two cores)."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campus.review.models import Review

from .conftest import bulk_applications
from .test_assistant import URL, reviewer_user, scored


@pytest.mark.slow
@pytest.mark.django_db
def test_a_thousand_applications(manager_client, call):
    scored(call, [4.0, 3.0], countries=["FI", "SE"])
    manager_client.get(URL.format(call.pk))
    with CaptureQueriesContext(connection) as few:
        manager_client.get(URL.format(call.pk))
    applications = bulk_applications(call, 1000, prefix="crowd")
    reviewer = reviewer_user()
    Review.objects.bulk_create([
        Review(application=a, reviewer=reviewer, recommendation="yes", total=f"{1 + (i * 37 % 400) / 100:.2f}",
               submitted_at=timezone.now())
        for i, a in enumerate(applications)
    ])
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as many:
        response = manager_client.get(URL.format(call.pk))
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert len(response.context["groups"]["admit"]) == call.edition.capacity
    assert len(many) == len(few)
    assert elapsed < 30, elapsed  # about 1 s alone on the 2-core test machines; a gross regression guard
