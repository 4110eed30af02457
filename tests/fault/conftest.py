"""Fault tests (marker ``fault``): the deployment of deploy/up.sh, hurt on purpose.

They need PostgreSQL (several processes write at once) and run in the PostgreSQL pass of ``make test``;
in the SQLite pass they are skipped with the reason. Each test gets databases of its own
(``campus_fault_<pid>_<n>`` on the DATABASE_URL server, created and dropped here), a private Redis, and
for the PostgreSQL restart a private PostgreSQL cluster (restarting the shared server would break every
other test run on this machine). nginx and redis-server are installed (apt-get) when missing and we are
root; otherwise the tests are skipped, except with CI=true, where a missing piece is a failure.
"""

import itertools
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

from .support import Databases, PrivatePostgres, PrivateRedis, deploy_down, deploy_up, postgres_bindir

TIME_LIMIT = 60  # seconds, per test, set-up of its deployment included
CI = os.environ.get("CI", "").lower() == "true"


def pytest_configure(config):
    config.addinivalue_line("markers", "fault: fault tests against a real deployment (deploy/up.sh); PostgreSQL only")


def _missing(reason: str):
    if CI:
        pytest.fail(f"{reason} (CI=true: the fault tests must run)")
    pytest.skip(reason)


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@pytest.fixture(scope="session")
def fault_server_url():
    url = _postgres_url()
    if url is None:
        # Not a failure, even on CI: the PostgreSQL pass of `make test` runs these (scripts/test.sh).
        pytest.skip("fault tests need PostgreSQL: they run in the PostgreSQL pass of `make test` (DATABASE_URL)")
    return url


@pytest.fixture(scope="session")
def fault_tools(fault_server_url):
    """nginx and redis-server, installed from Debian when missing (we are root on dev machines and CI)."""
    wanted = {"nginx": "nginx", "redis-server": "redis-server"}
    missing = [package for tool, package in wanted.items() if shutil.which(tool) is None]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-q", *missing]
        if subprocess.run(install, env=env, capture_output=True, timeout=300).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=300)
            subprocess.run(install, env=env, capture_output=True, timeout=300)
        missing = [package for tool, package in wanted.items() if shutil.which(tool) is None]
    if missing:
        _missing(f"fault tests need {' and '.join(missing)} (apt-get install {' '.join(missing)})")


@pytest.fixture(autouse=True)
def _time_limit():
    """No fault test may hang: past TIME_LIMIT seconds it fails, and its fixtures still clean up."""

    def expired(signum, frame):
        raise TimeoutError(f"fault test exceeded {TIME_LIMIT}s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(TIME_LIMIT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="session")
def private_redis(fault_tools):
    redis = PrivateRedis()
    yield redis
    redis.stop()


@pytest.fixture
def databases(fault_server_url):
    dbs = Databases(fault_server_url)
    yield dbs
    dbs.drop_all()


_counter = itertools.count(1)


@pytest.fixture
def fault_database(databases):
    """An empty database of this test's own on the DATABASE_URL server."""
    return databases.create(f"campus_fault_{os.getpid()}_{next(_counter)}")


@pytest.fixture
def var_dir():
    """The deployment's var folder: directly under /tmp, where nginx's user (www-data) can reach static files."""
    folder = Path(tempfile.mkdtemp(prefix="campus-fault-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def deployment(fault_tools, private_redis, var_dir):
    """deploy/up.sh against a given database; afterwards, whatever happened, KILL every process group it started
    (fast; test_web_instance_killed stops its deployment with deploy/down.sh itself and checks that)."""
    started = []

    def up(database_url, **env):
        env.setdefault("CAMPUS_CONTACT_RATE", "1000000")  # every test client is 127.0.0.1
        env.setdefault("CACHE_KEY_PREFIX", f"fault-{os.getpid()}-{next(_counter)}")
        deployment = deploy_up(database_url=database_url, redis_url=private_redis.url, var=var_dir, **env)
        started.append(deployment)
        return deployment

    yield up
    for deployment in started:
        deploy_down(deployment, graceful=False)


@pytest.fixture
def private_postgres(fault_tools):
    bindir = postgres_bindir()
    if bindir is None:
        _missing("the PostgreSQL restart test needs PostgreSQL's server programs (initdb, pg_ctl) on this machine")
    server = PrivatePostgres(bindir)
    try:
        server.start()
        yield server
    finally:
        server.destroy()
