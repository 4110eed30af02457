"""The applicant's pages read a fixed number of queries, whatever they answered."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import fill_all_steps

PINNED = {
    "/apply/step/about/": 10,  # answers and documents read once (the progress indicator reuses them)
    "/apply/step/availability/": 11,  # + the meetups of the edition
    "/apply/review/": 10,
    "/apply/status/": 12,  # + a draft's answers and questions, for "Continue" to open the first unfinished step
    "/apply/": 8,
}


def count(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("path", list(PINNED))
def test_applicant_pages_have_a_pinned_query_count(applicant_client, call, path):
    applicant_client.post("/apply/begin/")
    empty = count(applicant_client, path)
    fill_all_steps(applicant_client)
    full = count(applicant_client, path)
    assert (empty, full) == (PINNED[path], PINNED[path])
