"""The applicant's pages read a fixed number of queries, whatever they answered."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import fill_all_steps

PINNED = {
    # session, user, content version, application, answers, documents (read once: the progress indicator reuses
    # them); the programme, edition, call and questions are kept per content version
    "/apply/step/about/": 6,
    "/apply/step/availability/": 7,  # + the meetups of the edition
    "/apply/review/": 6,
    "/apply/status/": 8,  # + a draft's answers, for "Continue" to open the first unfinished step
    "/apply/": 5,
}


def count(client, path):
    client.get(path)  # the process keeps the content it read (programme, edition, call, questions: core.content_memo)
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
