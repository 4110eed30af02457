"""Query counts of the API are pinned and do not grow with modules, meetups, partners or FAQ entries."""

from datetime import date, datetime, timedelta, timezone

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campus.programme.models import FAQ, Edition, LearningOutcome, Meetup, Module, Partner, Requirement

from .conftest import SLUG

pytestmark = pytest.mark.django_db

# path -> queries for an uncached response, the content-version lookup included
PINNED = {
    "/api/programme": 3,  # version, programme, current edition
    "/api/editions?limit=100": 4,  # version, programme, count, page (first/last module dates annotated)
    f"/api/editions/{SLUG}": 5,  # version, programme, edition, requirements, outcomes
    f"/api/editions/{SLUG}/modules?limit=100": 6,  # version, programme, edition, count, page with providers, outcomes
    f"/api/editions/{SLUG}/modules/3": 5,
    f"/api/editions/{SLUG}/meetups?limit=100": 5,  # version, programme, edition, count, page with modules
    "/api/modules?limit=100": 6,  # version, programme, current edition, count, page with providers, outcomes
    f"/api/modules?edition={SLUG}&limit=100": 6,  # the same with the named edition
    "/api/modules/3": 5,
    "/api/meetups?limit=100": 5,
    f"/api/meetups?edition={SLUG}&limit=100": 5,
    "/api/partners?limit=100": 4,  # version, programme, count, page
    "/api/faq?limit=100": 4,
}


def count_queries(client, path):
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    return len(ctx.captured_queries), response.json()


def add_more_content(edition):
    """Three times the seed: more modules (each with a provider, outcomes, meetups), partners, FAQ, editions."""
    programme = edition.programme
    for number in range(5, 13):
        partner = Partner.objects.create(programme=programme, name=f"Partner {number}", country="LV")
        module = Module.objects.create(
            edition=edition, number=number, title=f"Extra module {number}", provider=partner, city="Riga",
            country="LV", timezone="Europe/Riga", starts_on=date(2022, 1, 1), ends_on=date(2022, 2, 1),
            summary="More *text*.", latitude=56.95, longitude=24.1,
        )
        for text in ("One", "Two", "Three"):
            LearningOutcome.objects.create(module=module, text=text)
        for day in (1, 20, 25):
            start = datetime(2022, 1, day, 8, tzinfo=timezone.utc)
            Meetup.objects.create(module=module, title=f"M{number}-{day}", starts_at=start,
                                  ends_at=start + timedelta(hours=4), timezone="Europe/Riga", country="LV")
        FAQ.objects.create(programme=programme, category=f"Category {number}", question=f"Question {number}?",
                           answer="Yes.")
        FAQ.objects.create(programme=programme, question=f"Hidden {number}?", answer="No.", is_published=False)
        Requirement.objects.create(edition=edition, code=f"extra-{number}", text=f"Requirement {number}")
    for year in (2016, 2017, 2018):
        past = Edition.objects.create(
            programme=programme, name=f"{year}", slug=f"{year}", capacity=10,
            application_deadline=date(year, 4, 30), acceptance_letter_on=date(year, 5, 29),
            hours_per_week_min=5, hours_per_week_max=9,
        )
        Module.objects.create(edition=past, number=1, title="Old", city="Riga", country="LV",
                              starts_on=date(year, 9, 1), ends_on=date(year, 10, 1), summary="Old.")


@pytest.mark.parametrize("path", list(PINNED))
def test_query_count_is_pinned_and_flat(client, seeded, path):
    queries, before = count_queries(client, path)
    assert queries == PINNED[path]
    add_more_content(seeded)
    queries, after = count_queries(client, path)
    assert queries == PINNED[path]
    if path not in ("/api/programme", f"/api/editions/{SLUG}/modules/3", "/api/modules/3"):
        assert after != before  # the added rows are in the answer


def test_the_added_rows_are_there(client, seeded):
    add_more_content(seeded)
    assert count_queries(client, f"/api/editions/{SLUG}/modules?limit=100")[1]["count"] == 12
    assert count_queries(client, f"/api/editions/{SLUG}/meetups?limit=100")[1]["count"] == 8 + 24
    assert count_queries(client, "/api/editions?limit=100")[1]["count"] == 4
    assert count_queries(client, "/api/faq?limit=100")[1]["count"] == 7 + 8
