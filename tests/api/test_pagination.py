"""Lists are paginated by limit (1–100, default 50) and offset (0–10,000); out of bounds is a 422."""

import pytest

from campus.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET

from .conftest import SLUG, items

pytestmark = pytest.mark.django_db

LISTS = ["/api/editions", f"/api/editions/{SLUG}/modules", f"/api/editions/{SLUG}/meetups", "/api/partners", "/api/faq"]


@pytest.mark.parametrize("path", LISTS)
def test_defaults(get_json, seeded, path):
    page = get_json(path)
    assert (page["limit"], page["offset"]) == (DEFAULT_LIMIT, 0) == (50, 0)
    assert len(page["items"]) == page["count"] > 0


@pytest.mark.parametrize("path", LISTS)
def test_pages_put_together_give_the_whole_list(get_json, seeded, path):
    whole = items(get_json(f"{path}?limit={MAX_LIMIT}"))
    pieces = []
    for offset in range(0, len(whole) + 2, 2):
        page = get_json(f"{path}?limit=2&offset={offset}")
        assert (page["limit"], page["offset"], page["count"]) == (2, offset, len(whole))
        assert len(page["items"]) <= 2
        pieces += page["items"]
    assert pieces == whole


def test_slices_of_the_meetups(get_json, seeded):
    page = get_json(f"/api/editions/{SLUG}/meetups?limit=3&offset=6")
    assert page["count"] == 8
    assert [(m["module"], m["kind"]) for m in page["items"]] == [(4, "opening"), (4, "closing")]
    assert get_json(f"/api/editions/{SLUG}/meetups?offset=8")["items"] == []
    assert get_json(f"/api/editions/{SLUG}/meetups?offset={MAX_OFFSET}") == {
        "count": 8, "limit": 50, "offset": MAX_OFFSET, "items": [],
    }


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    "query, field",
    [
        (f"limit={MAX_LIMIT + 1}", "limit"),
        ("limit=0", "limit"),
        ("limit=-1", "limit"),
        ("limit=ten", "limit"),
        ("limit=", "limit"),
        ("offset=-1", "offset"),
        (f"offset={MAX_OFFSET + 1}", "offset"),
        ("offset=99999999999999999999999", "offset"),
        ("offset=1.5", "offset"),
    ],
)
def test_out_of_bounds_is_rejected_with_the_reason(get_json, seeded, path, query, field):
    detail = get_json(f"{path}?{query}", status=422)["detail"]
    assert [error["loc"] for error in detail] == [["query", field]]


def test_the_bounds_are_in_the_schema(get_json, db):
    schema = get_json("/api/openapi.json")
    for path in LISTS:
        operation = schema["paths"][path.replace(SLUG, "{slug}")]["get"]
        parameters = {p["name"]: p["schema"] for p in operation["parameters"]}
        assert (parameters["limit"]["minimum"], parameters["limit"]["maximum"], parameters["limit"]["default"]) == (
            1, MAX_LIMIT, DEFAULT_LIMIT,
        )
        assert (parameters["offset"]["minimum"], parameters["offset"]["maximum"]) == (0, MAX_OFFSET)
