"""ranking.rows: the numbers of each row, the filters, the sorting, and a query count independent of size."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campus.applications.models import Answer, Application, Question
from campus.review import ranking
from campus.review.models import Review

from .conftest import Role, member
from .factories import bulk_applications, bulk_reviews

pytestmark = pytest.mark.django_db


def _review(application, reviewer, total, recommendation="maybe", kind="review"):
    return Review.objects.create(application=application, reviewer=reviewer, kind=kind, total=Decimal(total),
                                 recommendation=recommendation, submitted_at=timezone.now())


@pytest.fixture
def team(edition):
    return [member(edition, f"r{i}@example.org", Role.REVIEWER) for i in range(4)]


def test_numbers_of_a_row(call, team):
    a, b, c, d = bulk_applications(call, 4)
    _review(a, team[0], "4.00", "yes")
    _review(a, team[1], "3.00", "maybe")
    _review(a, team[2], "3.50", "yes")
    _review(a, team[3], "4.50", "yes", kind="interview")
    _review(b, team[0], "4.50", "yes")
    _review(b, team[1], "2.00", "maybe")  # spread 2.5: disagreement
    _review(c, team[0], "3.00", "yes")
    _review(c, team[1], "3.20", "no")  # yes and no: disagreement
    by_id = {row.application.pk: row for row in ranking.rows(call)}
    row = by_id[a.pk]
    assert (row.n_reviews, row.review_mean, row.review_median, row.spread) == (3, 3.5, 3.5, 1.0)
    assert row.recommendations == {"yes": 2, "maybe": 1, "no": 0} and not row.disagreement
    assert (row.n_interviews, row.interview_mean, row.score) == (1, 4.5, 4.0)
    assert by_id[b.pk].disagreement and by_id[b.pk].spread == 2.5 and by_id[b.pk].score == 3.25
    assert by_id[c.pk].disagreement and by_id[c.pk].spread == 0.2
    empty = by_id[d.pk]
    assert (empty.n_reviews, empty.review_mean, empty.spread, empty.score, empty.disagreement) == (0, None, None, None, False)


def test_only_submitted_applications(call, team):
    submitted = bulk_applications(call, 2, prefix="s")
    bulk_applications(call, 1, prefix="d", state=Application.State.DRAFT)
    withdrawn = bulk_applications(call, 1, prefix="w", state=Application.State.WITHDRAWN)
    _review(withdrawn[0], team[0], "5.00")
    assert {row.application.pk for row in ranking.rows(call)} == {a.pk for a in submitted}


def test_filters(call, team):
    apps = bulk_applications(call, 6)
    _review(apps[0], team[0], "4.00", "yes")
    _review(apps[0], team[1], "1.50", "no")
    _review(apps[1], team[0], "4.00")
    question = Question.objects.get(call=call, key="can_join_all_modules")
    Answer.objects.create(application=apps[2], question=question, value=True)
    Answer.objects.create(application=apps[3], question=question, value=False)
    sector = Question.objects.get(call=call, key="cluster_sector")
    Answer.objects.create(application=apps[4], question=sector, value="Energy")
    pk = lambda rows: {row.application.pk for row in rows}  # noqa: E731
    assert pk(ranking.rows(call, filters={"country": "FI"})) == {a.pk for a in apps if a.country == "FI"}
    assert pk(ranking.rows(call, filters={"eligibility": "needs_check"})) == {apps[0].pk, apps[3].pk}
    assert pk(ranking.rows(call, filters={"answer": ("can_join_all_modules", "yes")})) == {apps[2].pk}
    assert pk(ranking.rows(call, filters={"answer": ("can_join_all_modules", "no")})) == {apps[3].pk}
    assert pk(ranking.rows(call, filters={"answer": ("cluster_sector", "Energy")})) == {apps[4].pk}
    assert pk(ranking.rows(call, filters={"min_reviews": 1})) == {apps[0].pk, apps[1].pk}
    assert pk(ranking.rows(call, filters={"disagreement": True})) == {apps[0].pk}
    assert apps[0].pk not in pk(ranking.rows(call, filters={"disagreement": False}))
    assert len(ranking.rows(call, filters={"country": "", "eligibility": None})) == 6


def test_sort_rows_puts_rows_without_a_value_last(call, team):
    a, b, c = bulk_applications(call, 3)
    _review(a, team[0], "2.00")
    _review(b, team[0], "4.00")
    rows = ranking.rows(call)
    assert [r.application.pk for r in ranking.sort_rows(rows, "score")] == [b.pk, a.pk, c.pk]
    assert [r.application.pk for r in ranking.sort_rows(rows, "score", descending=False)] == [a.pk, b.pk, c.pk]
    assert [r.application.pk for r in ranking.sort_rows(rows, "reference", descending=False)] == [a.pk, b.pk, c.pk]
    with pytest.raises(ValueError):
        ranking.sort_rows(rows, "nope")


def _count(call, filters=None):
    with CaptureQueriesContext(connection) as queries:
        result = ranking.rows(call, filters=filters)
        for row in result:  # what a board reads of each row
            (row.application.full_name, row.application.effective_eligibility, row.application.call.title)
    return len(queries), len(result)


def test_query_count_does_not_grow_with_1000_applications(call, team):
    few = bulk_applications(call, 10, prefix="few")
    bulk_reviews(few, team)
    small = _count(call)
    small_filtered = _count(call, {"answer": ("cluster_sector", "Energy"), "country": "FI"})
    many = bulk_applications(call, 990, prefix="many")
    bulk_reviews(many, team)
    large = _count(call)
    assert large[1] == 1000
    assert large[0] == small[0] == 2
    assert _count(call, {"answer": ("cluster_sector", "Energy"), "country": "FI"})[0] == small_filtered[0] == 3
