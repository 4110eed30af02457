"""Schemathesis against the API's own OpenAPI schema, in-process through the WSGI application (no network).

Every operation gets its explicit examples (the seed edition's slug, module 3), then generated valid and
invalid parameters (at most 25 examples per operation), and every response is checked with schemathesis'
checks: no server error, a documented status code and content type, a body that matches the documented
schema, invalid input rejected, unsupported methods answered 405.

The schema is loaded when the module is imported: serving /api/openapi.json touches no database.
(``schemathesis.pytest.from_fixture``, the lazy loader, fails on pytest 9 in schemathesis 4.32.5: it sets
``Function._nodeid``, which pytest 9 no longer has.)
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

OPERATIONS = {
    ("get", f"/api{path}")
    for path in (
        "/", "/programme", "/editions", "/editions/{slug}", "/editions/{slug}/modules",
        "/editions/{slug}/modules/{number}", "/editions/{slug}/meetups", "/modules", "/modules/{number}", "/meetups",
        "/partners", "/faq",
    )
}


@pytest.fixture
def wsgi_in_test_transaction():
    """The WSGI handler closes the database connection after each request (Django's test client turns that
    off, a bare WSGI call does not): keep it open, so requests see the test's data inside its transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


def test_every_operation_of_the_api_is_in_the_run():
    assert {(method, path) for path, item in schema.raw_schema["paths"].items() for method in item} == OPERATIONS


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    database=None,  # nothing written to .hypothesis/: every run starts fresh and is the same in CI
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_schema(case, seeded, wsgi_in_test_transaction):
    case.call_and_validate()
