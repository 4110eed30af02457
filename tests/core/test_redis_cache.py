"""campus.core.redis_cache: Django's Redis cache backend keeping one redis-py client per connection pool (not one
per call). Against a private redis-server: the same client serves every call, two caches on two Redis databases
never share one, and the kept client carries on after its connections are dropped (an error, a fork)."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from campus.core.redis_cache import RedisCache

from .test_content_version import redis_server  # noqa: F401 (fixture)


@pytest.fixture
def two_caches(redis_server):  # noqa: F811
    base = redis_server.url.rsplit("/", 1)[0]
    with override_settings(CACHES={
        "default": {"BACKEND": "campus.core.redis_cache.RedisCache", "LOCATION": base + "/0", "KEY_PREFIX": "a"},
        "pages": {"BACKEND": "campus.core.redis_cache.RedisCache", "LOCATION": base + "/1", "KEY_PREFIX": "a"},
    }):
        yield caches["default"], caches["pages"]
        caches["default"].clear()
        caches["pages"].clear()


def test_one_client_serves_every_call(two_caches):
    first, _ = two_caches
    assert isinstance(first, RedisCache)
    client = first._cache.get_client()
    first.set("k", {"v": 1})
    assert first.get("k") == {"v": 1} and first.get_many(["k", "none"]) == {"k": {"v": 1}}
    assert first._cache.get_client() is client and first._cache.get_client(write=True) is client


def test_two_caches_on_two_databases_keep_their_own_client_and_data(two_caches):
    first, second = two_caches
    assert first._cache.get_client() is not second._cache.get_client()
    first.set("k", "in database 0")
    assert second.get("k") is None
    second.set("k", "in database 1")
    assert (first.get("k"), second.get("k")) == ("in database 0", "in database 1")


def test_the_kept_client_carries_on_after_its_connections_are_dropped(two_caches):
    first, _ = two_caches
    first.set("k", 1)
    client = first._cache.get_client()
    client.connection_pool.disconnect()  # as after an error; a forked worker's pool starts afresh likewise
    assert first.get("k") == 1 and first.incr("k") == 2
    assert first._cache.get_client() is client
