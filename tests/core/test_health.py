"""/healthz: 200 when the database and the cache answer, 503 naming the part that does not; never cached."""

import json

import pytest
from django.db import OperationalError


@pytest.fixture
def broken_database(monkeypatch):
    from campus.core import health

    class Broken:
        def __getitem__(self, alias):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connections", Broken())


@pytest.mark.django_db
def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_database_that_does_not_answer_is_a_503(client, broken_database):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "error", "cache": "ok"}
    assert b"refused" not in response.content  # the cause goes to the log, not to whoever asks


@pytest.mark.django_db
def test_a_cache_that_does_not_give_the_key_back_is_a_503(client, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "cache": "error"}


@pytest.mark.django_db
def test_a_cache_that_raises_is_a_503(client, monkeypatch):
    from django.core.cache import cache

    def boom(*args, **kwargs):
        raise ConnectionError("redis is gone")

    monkeypatch.setattr(cache, "set", boom)
    response = client.get("/healthz")
    assert response.status_code == 503 and json.loads(response.content)["cache"] == "error"


@pytest.mark.django_db
def test_never_served_from_a_cache(client, monkeypatch):
    assert client.get("/healthz").status_code == 200
    from campus.core import health

    monkeypatch.setattr(health, "_database_ok", lambda: False)
    assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_only_reads(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200


@pytest.mark.django_db
def test_answered_over_plain_http_even_with_https_on(client, settings, seeded):
    settings.SECURE_SSL_REDIRECT = True  # before the first request: middleware reads it once
    assert client.get("/").status_code == 301  # everything else goes to https
    assert client.get("/healthz").status_code == 200  # a load balancer's plain-HTTP probe gets its answer
