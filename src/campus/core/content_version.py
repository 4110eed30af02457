"""The content version: a number that goes up whenever public content changes (issue 10).

Cached public pages and API responses are keyed by it (``campus.core.cache``, ``campus.api.cache``), so the
moment staff save a change every process and machine stops serving the old page. It lives where the cached
pages live, so that reading it costs no database round trip when they are in Redis:

- **Redis** (the "pages" cache is Redis, ``REDIS_URL``): a key of its own next to the pages. A change
  increments it (``INCR``) once the transaction that made the change has committed, so that no process can
  read the new number while the old content is still what it renders. Each process remembers the last
  number it saw and asks Redis for that number *and* the page keyed by it in one ``MGET``: when the number
  is still the current one, the page (or the miss) is the answer; when another process changed content
  meanwhile, the new number came back in the same round trip and the page is fetched under it (a second
  round trip, once per change and process). So a cached page costs one Redis round trip and no query, and
  a change made on one instance is seen by every other at once. A missing key (Redis restarted, flushed
  by a restore) starts again from the time in microseconds, a number never used before, never from 1.
- **Otherwise** (one machine, pages in each process's memory): the row of ``core_contentversion``,
  incremented inside the transaction that changes content and read with one plain ``SELECT`` per request.
"""

import threading
import time

from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router, transaction
from django.db.models import F

from .models import ContentVersion

VERSION_KEY = "content-version"
_seen: int | None = None  # the last version this process read from Redis (checked on every use)
# The version as the current request read it (campus.core.content_memo): .active inside a request that has
# changed no content, .version the number (None: not read yet).
_request = threading.local()


def _started(**_kwargs) -> None:
    _request.active, _request.version = True, None


def _finished(**_kwargs) -> None:
    _request.active, _request.version = False, None


request_started.connect(_started, dispatch_uid="campus-content-version-started")
request_finished.connect(_finished, dispatch_uid="campus-content-version-finished")


def request_version() -> int | None:
    """The content version as this request first read it (None outside a request, or once it changed content)."""
    if not getattr(_request, "active", False):
        return None
    if _request.version is None:
        _request.version = current()
    return _request.version


def _noted(version: int) -> int:
    if getattr(_request, "active", False):
        _request.version = version
    return version


def content_changed() -> None:
    """Content changed in this process: for the rest of the request nothing is read per version. What it reads
    may belong to a transaction that is rolled back, under a number that would be given again."""
    _request.active, _request.version = False, None


def in_redis(cache=None) -> bool:
    return isinstance(cache if cache is not None else caches["pages"], RedisCache)


def _database_version() -> int:
    # One plain SELECT instead of an ORM query (which costs more to build than the whole cache hit).
    connection = connections[router.db_for_read(ContentVersion)]
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {table} WHERE id = %s", [1])
        row = cursor.fetchone()
    return row[0] if row else 0


def _start(cache) -> int:
    """A version for a Redis without one: the time in microseconds (never a number used before), unless
    another process was faster (SET NX)."""
    cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
    return cache.get(VERSION_KEY)


def current() -> int:
    """The content version now."""
    global _seen
    cache = caches["pages"]
    if not in_redis(cache):
        return _database_version()
    version = cache.get(VERSION_KEY)
    _seen = version if version is not None else _start(cache)
    return _seen


def lookup(key_for) -> tuple[int, object]:
    """The current version and what the "pages" cache holds under ``key_for(version)`` (None: nothing).
    Redis: one MGET while the version has not changed since this process last read it."""
    global _seen
    cache = caches["pages"]
    if not in_redis(cache):
        version = _noted(_database_version())
        return version, cache.get(key_for(version))
    seen = _seen
    if seen is not None:
        key = key_for(seen)
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        if version == seen:
            return _noted(seen), found.get(key)
    else:
        version = cache.get(VERSION_KEY)
    _seen = version if version is not None else _start(cache)
    return _noted(_seen), cache.get(key_for(_seen))


def _increment_in_redis() -> None:
    cache = caches["pages"]
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or Redis lost it): a fresh one is a new number too
        _start(cache)


def bump(*, raw: bool = False, **_kwargs) -> None:
    """Receiver of every content model's post_save and post_delete (programme/signals.py)."""
    if raw:  # loaddata / restore: the restored rows carry their own version row
        return
    content_changed()
    db = router.db_for_write(ContentVersion)
    if in_redis():
        transaction.on_commit(_increment_in_redis, using=db)
        return
    updated = ContentVersion.objects.using(db).filter(pk=1).update(version=F("version") + 1)
    if not updated:
        ContentVersion.objects.using(db).get_or_create(pk=1, defaults={"version": 2})
