"""What the fault tests share: a deployment started with deploy/up.sh, throwaway databases, a private Redis
and PostgreSQL, a small HTTP client that fills in the contact form, and process helpers.

Everything here talks only to 127.0.0.1, runs for a bounded time, and is stopped by the fixture that
started it, also when a test fails.
"""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def sql(url: str, query: str, params=()) -> list[tuple]:
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
        cur = conn.execute(query, params)
        return cur.fetchall() if cur.description else []


def kill_group(pgid: int, sig=signal.SIGKILL) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def wait_for(predicate, *, timeout: float, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def base_env(**extra) -> dict:
    """The environment of a deployment process: this one's, without the test settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    for name in ("DATABASE_URL", "REDIS_URL", "CAMPUS_VAR_DIR", "MEDIA_ROOT", "EMAIL_BACKEND", "EMAIL_HOST",
                 "EMAIL_PORT", "SECRET_KEY", "LOG_FORMAT", "CAMPUS_URLCONF", "TASKS_BACKEND"):
        env.pop(name, None)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(*args, env: dict, timeout: float = 60) -> str:
    result = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


# --- databases ------------------------------------------------------------------------------------


class Databases:
    """Creates throwaway databases on a PostgreSQL server and drops them again."""

    def __init__(self, server_url: str):
        self.server_url = server_url
        self.admin_url = with_database(server_url, "postgres")
        self.created: list[str] = []

    def create(self, name: str) -> str:
        sql(self.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        sql(self.admin_url, f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return with_database(self.server_url, name)

    def drop_all(self) -> None:
        for name in self.created:
            try:
                sql(self.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except psycopg.Error:
                pass
        self.created.clear()


class PrivatePostgres:
    """A PostgreSQL cluster of its own (initdb in a temporary folder, a free port), so that a test can stop
    and start the server without touching the one every other test and developer uses."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="campus-fault-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8",
                  "--locale=C", timeout=60)

    def _run(self, tool: str, *args: str, timeout: float = 30) -> None:
        result = subprocess.run(
            [*self.as_postgres, str(self.bindir / tool), *args], capture_output=True, text=True, timeout=timeout,
            cwd=self.folder,
        )
        assert result.returncode == 0, f"{tool} failed:\n{result.stdout}\n{result.stderr}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"),
                  "-w", "-t", "20", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "20", "stop")

    def destroy(self) -> None:
        subprocess.run([*self.as_postgres, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                        "-w", "-t", "10", "stop"], capture_output=True, timeout=30, cwd="/")
        shutil.rmtree(self.folder, ignore_errors=True)


def postgres_bindir() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
                        if p.parent.parent.name.isdigit() else 0)
    if candidates:
        return candidates[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class PrivateRedis:
    """redis-server on a free port, nothing saved to disk; other people's FLUSHALLs cannot reach it."""

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="campus-fault-redis-"))
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        self.url = f"redis://127.0.0.1:{self.port}/0"

        def answers():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    return s.recv(16).startswith(b"+PONG")
            except OSError:
                return False

        wait_for(answers, timeout=10, what="redis-server")

    def stop(self) -> None:
        kill_group(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            kill_group(self.process.pid)
            self.process.wait(timeout=5)
        shutil.rmtree(self.folder, ignore_errors=True)


# --- the deployment -----------------------------------------------------------------------------


@dataclass
class Deployment:
    var: Path
    http_port: int
    app_ports: list[int]
    env: dict
    pids: dict[str, int] = field(default_factory=dict)  # name -> process group (web-1, worker-2, nginx)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def database_url(self) -> str:
        return self.env["DATABASE_URL"]

    def log(self, name: str) -> str:
        path = self.var / "log" / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def json_log(self, name: str) -> list[dict]:
        records = []
        for line in self.log(name).splitlines():
            line = line.strip()
            if line.startswith("{"):
                try:
                    records.append(json.loads(line))
                except ValueError:
                    pass
        return records

    def logs_tail(self, lines: int = 20) -> str:
        parts = []
        for path in sorted((self.var / "log").glob("*.log")):
            parts.append(f"--- {path.name}\n" + "\n".join(path.read_text(errors="replace").splitlines()[-lines:]))
        return "\n".join(parts)


def deploy_up(*, database_url: str, redis_url: str, var: Path, **env) -> Deployment:
    http_port = free_port()
    app_ports = [free_port(), free_port()]
    env = base_env(
        DATABASE_URL=database_url, REDIS_URL=redis_url, HTTP_PORT=http_port, APP_PORTS=" ".join(map(str, app_ports)),
        UP_TIMEOUT=40, **env,
    )
    result = subprocess.run(
        ["bash", str(ROOT / "deploy" / "up.sh"), str(var)], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=90,
    )
    deployment = Deployment(var=var, http_port=http_port, app_ports=app_ports, env=env)
    for pidfile in (var / "run").glob("*.pid"):
        deployment.pids[pidfile.stem] = int(pidfile.read_text().strip())
    if result.returncode != 0:
        deploy_down(deployment)
        raise AssertionError(f"deploy/up.sh failed:\n{result.stdout}\n{result.stderr}")
    env.update(dict(line.split("=", 1) for line in (var / "campus.env").read_text().splitlines() if "=" in line))
    return deployment


def deploy_down(deployment: Deployment, *, graceful: bool = True) -> str:
    """deploy/down.sh (unless not ``graceful``), then KILL whatever is left in the groups up.sh started."""
    output = ""
    if graceful:
        try:
            result = subprocess.run(["bash", str(ROOT / "deploy" / "down.sh"), str(deployment.var)], cwd=ROOT,
                                    env={**deployment.env, "STOP_TIMEOUT": "15"}, capture_output=True, text=True,
                                    timeout=60)
            output = result.stdout + result.stderr
        except subprocess.TimeoutExpired:
            output = "down.sh timed out"
    for pgid in deployment.pids.values():
        kill_group(pgid)
    return output


# --- HTTP ---------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes


class Browser:
    """One visitor: keeps cookies, speaks HTTP/1.1 over a fresh connection per request (like many clients)."""

    def __init__(self, base: str, timeout: float = 10):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, *, form: dict | None = None, headers: dict | None = None) -> Response:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            sent = dict(headers or {})
            body = None
            if form is not None:
                body = urlencode(form)
                sent["Content-Type"] = "application/x-www-form-urlencoded"
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            conn.request(method, path, body=body, headers=sent)
            raw = conn.getresponse()
            data = raw.read()
            for header in raw.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, data)
        finally:
            conn.close()


_CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Attempt:
    email: str
    request_id: str
    started: float
    ended: float
    status: int  # 0: no HTTP answer at all (connection error, timeout)
    location: str = ""

    @property
    def accepted(self) -> bool:
        return self.status == 302 and self.location.endswith("/contact/thanks/")


class ContactLoad:
    """Threads that fill in the contact form over and over, for a bounded time and number of posts."""

    def __init__(self, base: str, *, prefix: str, threads: int, duration: float, max_posts: int, pause: float = 0.0):
        self.base, self.prefix, self.threads = base, prefix, threads
        self.duration, self.max_posts, self.pause = duration, max_posts, pause
        self.attempts: list[Attempt] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._workers = [threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(threads)]

    def start(self) -> "ContactLoad":
        self.started = time.monotonic()
        for worker in self._workers:
            worker.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def join(self) -> list[Attempt]:
        for worker in self._workers:
            worker.join(timeout=self.duration + 30)
        return self.attempts

    def _token(self, browser: Browser, deadline: float) -> str | None:
        while time.monotonic() < deadline and not self._stop.is_set():
            try:
                response = browser.request("GET", "/contact/")
                match = _CSRF.search(response.body)
                if response.status == 200 and match:
                    return match.group(1).decode()
            except OSError:
                pass
            time.sleep(0.1)
        return None

    def _run(self, n: int) -> None:
        browser = Browser(self.base)
        deadline = self.started + self.duration
        token = self._token(browser, deadline)
        for i in range(self.max_posts):
            if token is None or time.monotonic() >= deadline or self._stop.is_set():
                break
            email = f"{self.prefix}-{n}-{i}@example.org"
            request_id = f"{self.prefix}-{n}-{i}"
            form = {
                "csrfmiddlewaretoken": token, "name": f"Fault sender {n}-{i}", "email": email, "organisation": "",
                "topic": "know_more", "message": f"Fault test message {n}-{i}: please keep it.", "website": "",
            }
            started = time.monotonic()
            try:
                response = browser.request("POST", "/contact/", form=form, headers={"X-Request-ID": request_id})
                attempt = Attempt(email, request_id, started, time.monotonic(), response.status,
                                  response.headers.get("location", ""))
            except OSError:
                attempt = Attempt(email, request_id, started, time.monotonic(), 0)
            with self._lock:
                self.attempts.append(attempt)
            if self.pause:
                time.sleep(self.pause)


class HealthWatch:
    """Asks /healthz every ``interval`` seconds in a thread and keeps (time, status) pairs."""

    def __init__(self, base: str, interval: float = 0.1):
        self.browser = Browser(base, timeout=3)
        self.interval = interval
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> "HealthWatch":
        self._thread.start()
        return self

    def stop(self) -> list[tuple[float, int]]:
        self._stop.set()
        self._thread.join(timeout=10)
        return self.samples

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                status = self.browser.request("GET", "/healthz").status
            except OSError:
                status = 0
            self.samples.append((time.monotonic(), status))
            time.sleep(self.interval)


def stored_emails(database_url: str, prefix: str) -> set[str]:
    rows = sql(database_url, "SELECT email FROM programme_contactmessage WHERE email LIKE %s", (prefix + "-%",))
    return {row[0] for row in rows}


def report(title: str, figures: dict) -> None:
    """Print the figures of a fault test (shown with -s, and kept in the captured output on failure)."""
    print(f"\n[fault] {title}: " + ", ".join(f"{k}={v}" for k, v in figures.items()), flush=True)
