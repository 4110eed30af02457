"""A content change made on one instance is seen by the other at once (issue 10).

Two gunicorn instances (two masters, one worker each, as deploy/up.sh starts them on two machines) share a
file SQLite database and a private redis-server (REDIS_URL: pages, sessions, counters and the content version
in Redis). Both serve /admission/ from the page cache; a programme manager adds an FAQ entry through the
content editor of instance A and the very next anonymous request to B shows it; deleting it through B takes it
off A at once. Each instance remembers the version it last saw, so this fails if it trusted that memory.
"""

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from tests.fault.support import PrivateRedis, base_env, free_port, manage, wait_for

from .test_content_version import redis_server  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION = "Can two instances disagree about this page?"
EMAIL, PASSWORD = "manager@example.org", "a-long-password-4-tests"


def _start(env, port):
    return subprocess.Popen(
        [str(GUNICORN), "campus.wsgi", "--chdir", "src", "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "--no-control-socket"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def _stop(server):
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


@pytest.fixture(scope="module")
def two_instances(tmp_path_factory, redis_server: PrivateRedis):  # noqa: F811
    var = tmp_path_factory.mktemp("two-instances")
    env = base_env(CAMPUS_VAR_DIR=var, DEBUG="1", REDIS_URL=redis_server.url, CACHE_KEY_PREFIX="two-instances",
                   CAMPUS_ADMIN_EMAIL=EMAIL, CAMPUS_ADMIN_PASSWORD=PASSWORD, CAMPUS_STAFF_REQUIRE_MFA="0")
    manage("migrate", "--noinput", env=env, timeout=180)
    manage("load_seed_edition", env=env, timeout=120)
    manage("ensure_staff_account", env=env, timeout=60)
    ports = [free_port(), free_port()]
    servers = [_start(env, port) for port in ports]
    try:
        for port in ports:
            wait_for(lambda port=port: _answers(port), timeout=60, what=f"gunicorn on {port}")
        yield ports
    finally:
        for server in servers:
            _stop(server)


def _answers(port) -> bool:
    try:
        return Visitor(port).get("/healthz")[0] == 200
    except OSError:
        return False


class Visitor:
    """One browser talking to one instance (cookies kept; ``on`` sends it to another instance)."""

    def __init__(self, port, cookies=None):
        import http.client

        self.port, self.cookies, self._http = port, dict(cookies or {}), http.client

    def on(self, port) -> "Visitor":
        return Visitor(port, self.cookies)

    def request(self, method, path, form=None):
        from http.cookies import SimpleCookie
        from urllib.parse import urlencode

        conn = self._http.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
            body = None
            if form is not None:
                body = urlencode(form)
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, path, body=body, headers=headers)
            raw = conn.getresponse()
            data = raw.read()
            for header in raw.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return raw.status, raw.getheader("Location", ""), data
        finally:
            conn.close()

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, form):
        page = self.get(path)[2]
        token = CSRF.search(page)
        assert token, f"no CSRF token on {path}"
        return self.request("POST", path, {**form, "csrfmiddlewaretoken": token.group(1).decode()})


def _public_page(port) -> bytes:
    status, _, page = Visitor(port).get("/admission/")  # anonymous: no cookie, served from the page cache
    assert status == 200
    return page


def test_a_change_on_one_instance_is_seen_on_the_other_at_once(two_instances, redis_server):  # noqa: F811
    a, b = two_instances
    for port in (a, b, a, b):  # both have rendered, cached and read the version
        assert QUESTION.encode() not in _public_page(port)
    assert redis.Redis.from_url(redis_server.url).keys("two-instancespages:*page:*"), "nothing was cached"

    manager = Visitor(a)
    status, location, _ = manager.post_form("/accounts/login/", {"login": EMAIL, "password": PASSWORD})
    assert status == 302, "the manager could not sign in"
    add = manager.get("/staff/content/programme/faq/add/")[2]
    programme = re.search(rb'<select name="programme"[^>]*>.*?<option value="(\d+)"', add, re.S).group(1).decode()
    status, _, _ = manager.post_form("/staff/content/programme/faq/add/", {
        "programme": programme, "category": "", "question": QUESTION, "answer": "No.", "is_published": "on",
        "order": "0", "_save": "Save"})
    assert status == 302, "the FAQ entry was not saved"

    assert QUESTION.encode() in _public_page(b)  # the other instance, at once
    assert QUESTION.encode() in _public_page(a)

    listing = manager.on(b).get("/staff/content/programme/faq/?q=disagree")[2]
    faq = re.search(rb'/staff/content/programme/faq/(\d+)/change/', listing).group(1).decode()
    status, _, _ = manager.on(b).post_form(f"/staff/content/programme/faq/{faq}/delete/", {"post": "yes"})
    assert status == 302, "the FAQ entry was not deleted"

    assert QUESTION.encode() not in _public_page(a)  # and back: deleted on B, gone from A at once
    assert QUESTION.encode() not in _public_page(b)
