"""Query counts of the public pages are pinned and do not grow with modules, meetups or FAQ entries."""

from datetime import date, datetime, timedelta, timezone

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campus.core import content_memo
from campus.programme.models import FAQ, LearningOutcome, Meetup, Module, Partner

# path -> queries for an uncached render (the content-version lookup included), before the process keeps any content
# (campus.core.content_memo); every page with the footer asks once whether the forum's event replaces the seed's
# page "forum-2022" (kept after that)
PINNED = {
    "/": 11,  # with the call (is the "apply" link offered? core.plugins.links)
    "/modules/": 8,
    "/modules/3/": 8,
    "/schedule/": 8,
    "/admission/": 11,  # with the call
    "/convince-your-boss/": 9,
    "/about/": 10,
    "/privacy/": 5,
    "/schedule.ics": 4,
    "/modules/3/schedule.ics": 5,
    "/contact/": 4,  # not cached whole: the content version, then the programme and the footer (kept after that)
}


def count_queries(client, path):
    for cache in caches.all():
        cache.clear()
    content_memo.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_more_content(edition):
    programme = edition.programme
    for number in range(5, 13):
        partner = Partner.objects.create(programme=programme, name=f"Partner {number}")
        module = Module.objects.create(
            edition=edition, number=number, title=f"Extra module {number}", provider=partner, city="Riga",
            country="LV", timezone="Europe/Riga", starts_on=date(2022, 1, 1), ends_on=date(2022, 2, 1),
            summary="More", latitude=56.95, longitude=24.1,
        )
        LearningOutcome.objects.create(module=module, text="Something")
        for day in (1, 20):
            start = datetime(2022, 1, day, 8, tzinfo=timezone.utc)
            Meetup.objects.create(module=module, title=f"M{number}-{day}", starts_at=start, ends_at=start + timedelta(hours=4), timezone="Europe/Riga")
        FAQ.objects.create(programme=programme, category=f"Category {number}", question=f"Question {number}?", answer="Yes.")


@pytest.mark.django_db
@pytest.mark.parametrize("path", list(PINNED))
def test_query_count_is_pinned_and_flat(client, seeded, path):
    assert count_queries(client, path) == PINNED[path]
    add_more_content(seeded)
    assert count_queries(client, path) == PINNED[path]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/modules/3/", "/schedule.ics"])
def test_a_cached_page_costs_one_query(client, seeded, path):
    client.get(path)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    assert len(ctx.captured_queries) == 1  # the content version


@pytest.mark.django_db
def test_visitors_with_a_session_are_never_served_a_cached_page(client, seeded, django_user_model):
    staff = django_user_model.objects.create_user(email="s@example.org", password="pw-123456789", is_staff=True)
    client.get("/")  # cached for anonymous visitors
    client.force_login(staff)
    with CaptureQueriesContext(connection) as ctx:
        client.get("/")
    assert len(ctx.captured_queries) > 1
