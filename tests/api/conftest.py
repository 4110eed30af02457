"""Helpers for the API tests: the seed edition (``seeded`` from tests/conftest.py) read through /api/."""

import pytest

SLUG = "2020-2021"  # the seed edition

# Every GET path of the API with its parameters filled in for the seed edition (lists at their largest page).
ALL_PATHS = [
    "/api/",
    "/api/programme",
    "/api/editions?limit=100",
    f"/api/editions/{SLUG}",
    f"/api/editions/{SLUG}/modules?limit=100",
    *[f"/api/editions/{SLUG}/modules/{number}" for number in (1, 2, 3, 4)],
    f"/api/editions/{SLUG}/meetups?limit=100",
    "/api/partners?limit=100",
    "/api/faq?limit=100",
    "/api/openapi.json",
]


@pytest.fixture
def get_json(client):
    """GET a path and return its JSON, checking the status and the content type on the way."""

    def get(path: str, status: int = 200, **headers):
        response = client.get(path, headers=headers)
        assert response.status_code == status, (path, response.status_code, response.content[:500])
        assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
        return response.json()

    return get


def items(page: dict) -> list:
    assert set(page) == {"count", "limit", "offset", "items"}, page.keys()
    return page["items"]
