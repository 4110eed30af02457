"""A process killed while it holds a rate limit's lock (between cache.add and cache.delete) must not make every
later request of that key fail: the lock expires before the waiters give up."""
import time

import pytest
from django.core.cache import cache

from campus.core import ratelimit


@pytest.mark.django_db
def test_a_lock_left_by_a_killed_process_does_not_refuse_the_next_hits():
    key = "contact:127.0.0.1"
    assert cache.add(f"{key}:lock", 1, timeout=ratelimit.LOCK_SECONDS)  # the killed process's lock, never deleted
    started = time.monotonic()
    assert ratelimit.hit(key, limit=5, seconds=3600)  # waits for the stale lock to expire, then counts
    assert time.monotonic() - started < ratelimit.LOCK_WAIT
    assert ratelimit.LOCK_SECONDS < ratelimit.LOCK_WAIT
    assert [ratelimit.hit(key, limit=5, seconds=3600) for _ in range(5)] == [True] * 4 + [False]
