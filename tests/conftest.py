"""Fixtures shared by every test.

- Every test starts and ends with empty caches: public pages are cached whole (campus.core.cache, the
  "pages" cache), and the rate limits' counters live in the "default" cache, which is the database (table
  campus_cache, made by a migration) unless REDIS_URL is set; a test without database access cannot have
  counted anything there, so only tests with one clear it.
- Tasks use the real backend from settings (django_tasks_db.DatabaseBackend): enqueuing writes a
  DBTaskResult row, exactly as in production. Services enqueue with ``transaction.on_commit``, so in a
  plain ``db`` test (wrapped in a transaction) wrap the call in ``django_capture_on_commit_callbacks(execute=True)``
  to see the row; then ``run_tasks()`` runs what is queued, in this process, like ``db_worker --batch``.
- The seed edition is in the test database from the start (loaded once per session, put back after a
  transactional test's flush: tests/baseline.py); ``seeded`` returns it. A test that needs a database without
  it asks for ``unseeded``.
- Static files: the plain StaticFilesStorage (no collectstatic needed before the tests).
- The test runner swaps in Django's locmem mail backend, so delivered mail is in ``django.core.mail.outbox``
  (never in var/mail/).
"""

import pytest
from django.core.cache import caches


def pytest_configure(config):
    from django.conf import settings

    # The manifest storage needs `collectstatic` output in STATIC_ROOT to resolve {% static %}; tests render
    # templates from the source tree instead (the finders serve the files). run.sh runs collectstatic for real.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


# Slow as a whole: browser and fault tests, and the tests that start deployments in subprocesses. Elsewhere
# @pytest.mark.slow says it test by test.
SLOW_PATHS = ("e2e", "fault", "core/test_backup.py", "accounts/test_rate_limits_across_workers.py")


def pytest_collection_modifyitems(config, items):
    from pathlib import Path

    here = Path(__file__).parent
    slow = {here / path for path in SLOW_PATHS}
    for item in items:
        path = Path(item.fspath)
        if path in slow or slow & set(path.parents):
            item.add_marker(pytest.mark.slow)


DATABASE_FIXTURES = ("db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
                     "live_server")


def _clear_caches(with_database: bool) -> None:
    from campus.core import content_memo

    content_memo.clear()  # content kept per version: a rolled-back test gives its version number back
    for alias in caches:
        if with_database or alias != "default" or not _is_database_cache(alias):
            caches[alias].clear()


def _is_database_cache(alias: str) -> bool:
    from django.core.cache.backends.db import BaseDatabaseCache

    return isinstance(caches[alias], BaseDatabaseCache)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as pytest-django makes it, plus the seed edition, loaded once for the whole session."""
    from tests import baseline

    with django_db_blocker.unblock():
        baseline.load()
        baseline.take_snapshot()


@pytest.fixture(autouse=True)
def _clean_cache(request, django_db_blocker):
    with_database = bool(request.node.get_closest_marker("django_db")) or any(
        name in request.fixturenames for name in DATABASE_FIXTURES
    )
    if with_database:
        from tests import baseline

        request.getfixturevalue("django_db_setup")
        with django_db_blocker.unblock():
            baseline.ensure()  # before the test's transaction: a transactional test before this one flushed it
        request.getfixturevalue("_django_db_helper")  # the test database first (its cache table is in it)
    _clear_caches(with_database)
    yield
    _clear_caches(with_database)


@pytest.fixture
def seeded(db):
    """The seed edition (BSR Cluster Manager Education 2020–2021), already in the database: the current Edition."""
    from campus.programme.models import Edition

    return Edition.objects.select_related("programme").get(is_current=True)


@pytest.fixture
def unseeded(db):
    """A database without the seed (no programme, edition, call; no activity): for tests of the seed loader and
    of pages without any edition. Deleted inside the test's transaction, so the next test has it again."""
    from campus.core.models import ActivityLog
    from campus.programme.models import Programme

    Programme.objects.all().delete()
    ActivityLog.objects.all().delete()


@pytest.fixture
def run_tasks(db):
    """Run every queued task of the database backend now, in this process; returns how many ran.

    Same code path as ``manage.py db_worker --batch`` (Worker.run_task), but without the worker loop,
    which closes database connections and installs signal handlers: both wrong inside a test.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    def run(*, limit: int = 100) -> int:
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="pytest",
            excluded_queue_names=[],
        )
        ran = 0
        while ran < limit:
            result = DBTaskResult.objects.ready().filter(backend_name="default").order_by("enqueued_at").first()
            if result is None:
                break
            result.claim(worker.worker_id)
            worker.run_task(result)
            ran += 1
        return ran

    return run


def _live_server_backlog():
    """The live server (Django's dev WSGIServer) queues only 10 pending connections; gunicorn queues 2048.
    Concurrency tests open 100 connections at once, as a production server would accept them."""
    from django.core.servers import basehttp

    basehttp.WSGIServer.request_queue_size = 256


_live_server_backlog()


def _whitenoise_scans_the_static_files_once():
    """Every test client builds the middleware chain anew, and WhiteNoise's middleware walks every static file
    of every finder when it is made (a StaticFile per file, with its stat and its compressed variants): about
    0.1 s, which was a third of a typical client test. The files do not change during a test session, so the
    walk's result is kept per configuration (the same StaticFile objects, so the same answers) and reused."""
    from django.conf import settings
    from whitenoise.middleware import WhiteNoiseMiddleware

    walk = WhiteNoiseMiddleware.add_files_from_finders
    found: dict[tuple, dict] = {}

    def add_files_from_finders(self):
        key = (self.static_prefix, self.autorefresh, self.max_age, self.allow_all_origins, self.charset,
               repr(settings.STATICFILES_DIRS), tuple(settings.INSTALLED_APPS), tuple(settings.STATICFILES_FINDERS),
               repr(settings.STORAGES.get("staticfiles")),
               repr(sorted((name, getattr(settings, name)) for name in dir(settings) if name.startswith("WHITENOISE_"))))
        if key not in found:
            before = dict(self.files)
            walk(self)
            found[key] = {url: file for url, file in self.files.items() if before.get(url) is not file}
        self.files.update(found[key])

    WhiteNoiseMiddleware.add_files_from_finders = add_files_from_finders


_whitenoise_scans_the_static_files_once()


def _transactional_tests_end_with_the_snapshot():
    """After a transactional test pytest-django flushes the database (TRUNCATE of every table on PostgreSQL, about
    1.5 s; then post_migrate makes every content type and permission again, one app at a time), and the next test
    had to load the data migrations' rows and the seed again (about 2 s). With a snapshot (tests/baseline.py)
    the test's teardown instead empties the tables and puts the snapshot back in one transaction (DELETE and bulk
    inserts: about 0.05 s): the database is exactly as the session started, and the next test finds it so.
    Tests that set ``available_apps`` (none yet) keep Django's own flush."""
    from django.db import connections
    from django.test import TransactionTestCase

    from tests import baseline

    teardown = TransactionTestCase._fixture_teardown

    def _fixture_teardown(self):
        if self.available_apps is not None or not baseline.has_snapshot():
            return teardown(self)
        for alias in self._databases_names(include_mirrors=False):
            baseline.restore(connections[alias])

    TransactionTestCase._fixture_teardown = _fixture_teardown


_transactional_tests_end_with_the_snapshot()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many accounts; the production hasher (PBKDF2) is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files (CVs, letters) of a test go to its own folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
