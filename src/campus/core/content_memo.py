"""Content read once per content version, kept in the process (issue 10: faster signed-in pages).

A page rendered for someone signed in cannot come from the page cache, yet most of what it reads is public
content that changes only when staff save it: the programme, the current edition and its modules, the call,
its questions, the footer links. ``memo(key, build)`` keeps such a read in this process's memory under the
content version (``content_version.py``) and builds it again once the version has moved on, so a saved change
is seen by the next request of every process and instance, exactly as for the cached public pages.

The version is read once per request (one plain ``SELECT``, or one Redis ``GET`` when the version lives in
Redis) and only when a memoised read is asked for. Outside a request (management commands, tasks, tests that
call selectors directly) nothing is kept: ``memo`` calls ``build`` every time. Nor after the request itself
changed content: what it reads then may belong to a transaction that is rolled back, under a version number
that would be given again, so the rest of that request reads the database.

What is memoised is shared by the requests of this process: callers must treat it as read-only (the
selectors that use ``memo`` return model instances that are only shown, never edited nor saved).
"""

from .content_version import request_version

_kept: dict = {}  # key -> (version, value)


def memo(key, build):
    """``build()``, or what it returned earlier in this process under the same content version."""
    version = request_version()
    if version is None:
        return build()
    kept = _kept.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = build()
    _kept[key] = (version, value)
    return value


def clear() -> None:
    """Forget everything kept (tests: a rolled-back transaction can give a version number back)."""
    _kept.clear()
