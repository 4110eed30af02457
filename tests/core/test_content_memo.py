"""Content kept per content version in the process (campus.core.content_memo, issue 10): a signed-in page reads
the programme, edition, call, questions and footer links once per version, and a change is seen by the very
next request, whether this process saved it or another one did (the version moved on in the database)."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from campus.applications.models import Question
from campus.core import content_memo
from campus.core.models import ContentVersion
from campus.programme.models import Page

from ..applications.conftest import applicant, applicant_client, call  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def footer_page(seeded):
    page = Page.objects.filter(programme=seeded.programme, show_in_footer=True).first()
    assert page is not None, "the seed edition has footer pages"
    return page


def test_a_change_another_process_made_is_seen_by_the_next_request(client, seeded):
    page = footer_page(seeded)
    assert page.title in client.get("/contact/").content.decode()
    # Another process: the row changed and the version moved on, and no signal ran here.
    Page.objects.filter(pk=page.pk).update(title="Renamed elsewhere")
    assert page.title in client.get("/contact/").content.decode()  # kept: the version has not moved
    ContentVersion.objects.filter(pk=1).update(version=F("version") + 1)
    assert "Renamed elsewhere" in client.get("/contact/").content.decode()


def test_kept_content_costs_no_query_and_a_change_saved_here_is_seen_at_once(applicant_client, call):
    applicant_client.post("/apply/begin/")
    applicant_client.get("/apply/step/about/")
    with CaptureQueriesContext(connection) as warm:
        first = applicant_client.get("/apply/step/about/").content.decode()
    sql = " ".join(query["sql"] for query in warm.captured_queries)
    for table in ("programme_programme", "programme_edition", "applications_call", "applications_question",
                  "programme_page"):
        assert f'FROM "{table}"' not in sql
    question = Question.objects.filter(call=call, step="about").order_by("order").first()
    assert question.label in first
    question.label = "Your given name, as in your passport"
    question.save()
    assert "Your given name, as in your passport" in applicant_client.get("/apply/step/about/").content.decode()


def test_outside_a_request_nothing_is_kept():
    built = []
    assert content_memo.memo("k", lambda: built.append(1) or len(built)) == 1
    assert content_memo.memo("k", lambda: built.append(1) or len(built)) == 2


def test_a_request_that_changed_content_keeps_nothing_it_reads_afterwards(client, seeded):
    from campus.core import content_version

    # what request_started and request_finished do (sending them would also close the test's connection)
    request_started, request_finished = content_version._started, content_version._finished
    request_started()
    try:
        assert content_memo.memo("k", lambda: "before") == "before"
        assert content_memo.memo("k", lambda: "ignored") == "before"  # kept for this version
        content_version.bump()  # the request saves content (its transaction may still be rolled back)
        assert content_memo.memo("k", lambda: "after") == "after"
        assert content_memo.memo("k", lambda: "again") == "again"  # read again, not kept
    finally:
        request_finished()
    request_started()
    try:
        assert content_memo.memo("k", lambda: "fresh") == "fresh"  # the version moved on: built anew
    finally:
        request_finished()


def _without_tokens(html: str) -> str:
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_the_home_page_of_a_signed_in_visitor_keeps_its_body_per_version(applicant_client, seeded):
    from campus.programme.models import Module

    first = applicant_client.get("/").content.decode()  # rendered, then kept
    with CaptureQueriesContext(connection) as warm:
        second = applicant_client.get("/").content.decode()
    assert _without_tokens(second) == _without_tokens(first)
    sql = " ".join(query["sql"] for query in warm.captured_queries)
    assert 'FROM "programme_module"' not in sql and 'FROM "applications_call"' not in sql
    module = Module.objects.filter(edition=seeded).order_by("number").first()
    from django.utils.html import escape

    assert escape(module.title) in second
    module.title = "A module renamed by staff"
    module.save()
    assert "A module renamed by staff" in applicant_client.get("/").content.decode()
