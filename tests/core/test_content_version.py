"""The content version in Redis (issue 10): a cached public page costs no database query and one Redis round
trip; a change is seen at once; a Redis that lost the version starts from a number never used before.

The "pages" cache is pointed at a private redis-server (tests/fault/support.py), nothing else changes. Without
Redis the version stays the database row (tests/programme/test_query_counts.py pins its one query).
"""

import os
import shutil

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from campus.core import content_version
from campus.programme.models import FAQ
from tests.fault.support import PrivateRedis

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def redis_server():
    if shutil.which("redis-server") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("redis-server is missing (CI=true: the Redis tests must run)")
        pytest.skip("redis-server is missing (apt-get install redis-server)")
    server = PrivateRedis()
    yield server
    server.stop()


@pytest.fixture
def pages_in_redis(redis_server, settings):
    caches_setting = {**settings.CACHES, "pages": {
        "BACKEND": "campus.core.redis_cache.RedisCache", "LOCATION": redis_server.url, "KEY_PREFIX": "pages",
    }}
    with override_settings(CACHES=caches_setting):
        caches["pages"].clear()
        yield redis.Redis.from_url(redis_server.url)
        caches["pages"].clear()


def commands(server) -> int:
    """Commands Redis has processed so far (the INFO asking for it included)."""
    return server.info("stats")["total_commands_processed"]


@pytest.mark.parametrize("path", ["/", "/modules/3/", "/api/faq"])
def test_a_cached_page_costs_no_query_and_one_redis_round_trip(client, seeded, pages_in_redis,
                                                              django_assert_num_queries, path):
    first = client.get(path)
    assert first.status_code == 200
    client.get(path)  # this process has now seen the version
    before = commands(pages_in_redis)
    with django_assert_num_queries(0):
        response = client.get(path)
    assert commands(pages_in_redis) - before - 1 == 1  # one MGET: the version and the page
    assert response.status_code == 200 and response.content == first.content


def test_a_change_is_seen_at_once(client, seeded, pages_in_redis, django_capture_on_commit_callbacks):
    assert b"Is there a fee for lurkers?" not in client.get("/admission/").content
    version = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        FAQ.objects.create(programme=seeded.programme, question="Is there a fee for lurkers?", answer="No.")
    assert content_version.current() == version + 1
    assert b"Is there a fee for lurkers?" in client.get("/admission/").content


def test_the_version_goes_up_only_when_the_change_is_committed(seeded, pages_in_redis,
                                                              django_capture_on_commit_callbacks):
    version = content_version.current()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        FAQ.objects.create(programme=seeded.programme, question="Later?", answer="Yes.")
        # another process reading now must not get a version under which it would cache the old content
        assert content_version.current() == version
    for callback in callbacks:
        callback()
    assert content_version.current() == version + 1


def test_a_version_another_process_set_is_seen_by_this_one(client, seeded, pages_in_redis):
    """This process remembers the version it saw; another instance's change (an INCR in Redis) is noticed
    on the very next request, in the same round trip as the page."""
    client.get("/admission/")
    client.get("/admission/")
    FAQ.objects.create(programme=seeded.programme, question="Seen elsewhere?", answer="Yes.")  # no commit here
    assert b"Seen elsewhere?" not in client.get("/admission/").content  # the old page, still current
    caches["pages"].incr(content_version.VERSION_KEY)  # what the other instance does after its commit
    assert b"Seen elsewhere?" in client.get("/admission/").content


def test_a_lost_version_starts_from_a_number_never_used(client, seeded, pages_in_redis):
    client.get("/")
    old = content_version.current()
    pages_in_redis.flushdb()  # Redis restarted empty, or a restore flushed it
    new = content_version.current()
    assert new > old and new > 10**15  # microseconds since 1970, not 1
    assert client.get("/").status_code == 200


def test_without_redis_the_version_is_the_database_row(seeded, django_assert_num_queries):
    assert not content_version.in_redis()
    version = content_version.current()
    FAQ.objects.create(programme=seeded.programme, question="Row?", answer="Yes.")  # inside the transaction
    with django_assert_num_queries(1):
        assert content_version.current() == version + 1
