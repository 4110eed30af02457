"""The OpenAPI schema at /api/openapi.json is valid, complete and stable; no docs page loads a CDN."""

import json
import re

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

OPERATIONS = {
    "/api/": "index",
    "/api/programme": "getProgramme",
    "/api/editions": "listEditions",
    "/api/editions/{slug}": "getEdition",
    "/api/editions/{slug}/modules": "listModules",
    "/api/editions/{slug}/modules/{number}": "getModule",
    "/api/editions/{slug}/meetups": "listMeetups",
    "/api/modules": "listCurrentModules",
    "/api/modules/{number}": "getCurrentModule",
    "/api/meetups": "listCurrentMeetups",
    "/api/partners": "listPartners",
    "/api/faq": "listFaq",
}


@pytest.fixture
def schema(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_the_schema_is_valid_openapi(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)  # raises on any violation of the OpenAPI specification


def test_every_operation_is_a_get_with_a_stable_operation_id(schema):
    operations = {path: {method: op["operationId"] for method, op in item.items()}
                  for path, item in schema["paths"].items()}
    assert operations == {path: {"get": operation_id} for path, operation_id in OPERATIONS.items()}


def test_every_error_the_api_answers_is_documented(schema):
    for path, item in schema["paths"].items():
        responses = item["get"]["responses"]
        assert "200" in responses
        if "{slug}" in path or path in ("/api/programme", "/api/editions", "/api/partners", "/api/faq"):
            assert responses["404"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
        names = {p["name"] for p in item["get"].get("parameters", [])}
        if names - {"slug"}:
            assert "422" in responses, path


def test_meetup_times_are_documented_as_date_times(schema):
    meetup = schema["components"]["schemas"]["MeetupOut"]["properties"]
    for field in ("starts_at", "ends_at", "local_start", "local_end"):
        assert meetup[field]["type"] == "string" and meetup[field]["format"] == "date-time", field


def test_the_schema_points_to_no_other_origin(schema):
    urls = re.findall(r"https?://[^\s\"')]+", json.dumps(schema))
    assert urls == [], urls


@pytest.mark.parametrize("path", ["/api/docs", "/api/docs/", "/api/swagger", "/api/redoc"])
def test_no_docs_page_that_would_load_a_cdn(client, path):
    assert client.get(path).status_code == 404
