"""Responses are cached by the content version and carry it as their ETag; a content change shows at once."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campus.api.cache import API_REVISION
from campus.core import content_version
from campus.programme.models import FAQ, Module, Partner

from .conftest import SLUG, items

pytestmark = pytest.mark.django_db

CACHED = [
    "/api/programme",
    "/api/editions",
    f"/api/editions/{SLUG}",
    f"/api/editions/{SLUG}/modules",
    f"/api/editions/{SLUG}/modules/3",
    f"/api/editions/{SLUG}/meetups",
    "/api/partners",
    "/api/faq",
]


def expected_etag() -> str:
    return f'"api{API_REVISION}-{content_version.current()}"'


@pytest.mark.parametrize("path", CACHED)
def test_every_response_carries_the_content_version_as_etag(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["ETag"] == expected_etag()
    assert response["Cache-Control"] == "public, no-cache"
    # A second, cached response is the same, headers included.
    again = client.get(path)
    assert (again.content, again["ETag"], again["Content-Type"]) == (
        response.content, response["ETag"], response["Content-Type"],
    )


@pytest.mark.parametrize("path", CACHED)
def test_a_matching_if_none_match_gets_304_for_one_query(client, seeded, path):
    etag = client.get(path)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert len(queries) == 1  # the content version
    # Weak and listed forms match too (RFC 9110's weak comparison for If-None-Match).
    assert client.get(path, headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    assert client.get(path, headers={"If-None-Match": '"api0-1"'}).status_code == 200


@pytest.mark.parametrize("path", CACHED)
def test_a_cached_response_costs_one_query(client, seeded, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    assert len(queries) == 1


def test_a_content_change_is_visible_at_once(client, get_json, seeded):
    before = client.get("/api/faq")
    etag = before["ETag"]
    assert client.get("/api/faq", headers={"If-None-Match": etag}).status_code == 304
    FAQ.objects.create(programme=seeded.programme, question="Is there a new question?", answer="Yes.", order=99)
    response = client.get("/api/faq", headers={"If-None-Match": etag})
    assert response.status_code == 200  # the old ETag no longer matches
    assert response["ETag"] != etag and response["ETag"] == expected_etag()
    assert items(response.json())[-1]["question"] == "Is there a new question?"


@pytest.mark.parametrize(
    "change, path, check",
    [
        ("module", f"/api/editions/{SLUG}/modules/3", lambda data: data["city"] == "Vilnius"),
        ("module", f"/api/editions/{SLUG}/modules", lambda data: data["items"][2]["city"] == "Vilnius"),
        ("partner", "/api/partners", lambda data: data["items"][0]["name"] == "Hyper Island Karlshamn"),
        ("edition", f"/api/editions/{SLUG}", lambda data: data["capacity"] == 22),
        ("edition", "/api/editions", lambda data: data["items"][0]["capacity"] == 22),
        ("module_dates", "/api/editions", lambda data: data["items"][0]["ends_on"] == "2021-12-17"),
    ],
)
def test_each_kind_of_change_reaches_the_cached_responses(client, seeded, change, path, check):
    client.get(path)  # cached now
    if change == "module":
        module = Module.objects.get(edition=seeded, number=3)
        module.city = "Vilnius"
        module.save()
    elif change == "partner":
        partner = Partner.objects.get(programme=seeded.programme, name="Hyper Island")
        partner.name = "Hyper Island Karlshamn"
        partner.save()
    elif change == "edition":
        seeded.capacity = 22
        seeded.save()
    elif change == "module_dates":
        module = Module.objects.get(edition=seeded, number=4)
        module.ends_on = date(2021, 12, 17)
        module.save()
    assert check(client.get(path).json())


def test_a_deleted_row_disappears_at_once(client, seeded):
    assert client.get("/api/partners").json()["count"] == 4
    Partner.objects.filter(name="Hyper Island").first().delete()
    assert client.get("/api/partners").json()["count"] == 3


def test_pages_are_cached_apart_and_unknown_parameters_share_one_entry(client, seeded):
    first = client.get(f"/api/editions/{SLUG}/meetups?limit=2").json()
    second = client.get(f"/api/editions/{SLUG}/meetups?limit=2&offset=2").json()
    assert first["items"] != second["items"]
    with CaptureQueriesContext(connection) as queries:
        same = client.get(f"/api/editions/{SLUG}/meetups?utm_source=x&limit=2&x=1").json()
    assert same == first and len(queries) == 1


def test_errors_are_not_cached_and_carry_no_etag(client, seeded):
    for path, status in (("/api/editions/2030-2031", 404), ("/api/faq?limit=0", 422)):
        response = client.get(path)
        assert response.status_code == status and "ETag" not in response
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/editions/2030-2031").status_code == 404
    assert len(queries) > 1  # looked up again, not served from the cache


def test_the_cache_key_holds_the_version_so_every_process_sees_the_change(client, seeded):
    """Another process bumps the version (a row in the database): this one stops using its cached copy."""
    cached = client.get("/api/partners").json()
    Partner.objects.filter(name="Hyper Island").update(name="Renamed elsewhere")  # no signal: stays cached
    assert client.get("/api/partners").json() == cached
    content_version.bump()
    assert client.get("/api/partners").json()["items"][0]["name"] == "Renamed elsewhere"
