"""(a) kill -9 one gunicorn instance (its master and its workers) while visitors fill in the contact form.

nginx skips the dead instance, so the site keeps answering through the other one, and every message whose
sender saw "thank you" (302 to /contact/thanks/) is in the database. A POST that was inside the dead
instance gets a 502 (nginx never resends a POST an instance already had): its sender knows it failed.
"""

import re
import signal
import socket
import time

import pytest

from .support import Browser, ContactLoad, deploy_down, group_alive, kill_group, report, stored_emails

pytestmark = pytest.mark.fault

THREADS = 4
DURATION = 7.0  # seconds of load
KILL_AT = 2.5  # seconds into the load


def test_the_site_keeps_answering_and_loses_no_accepted_message(deployment, fault_database):
    site = deployment(fault_database)
    # One deployment for two sets of checks (starting one costs seconds): nginx's part first.
    check_nginx_serves_static_files_and_never_private_ones(site)

    victim = site.pids["web-1"]
    assert group_alive(victim)

    load = ContactLoad(site.base, prefix="fault-a", threads=THREADS, duration=DURATION, max_posts=500).start()
    time.sleep(KILL_AT)
    killed_at = time.monotonic()
    kill_group(victim, signal.SIGKILL)  # the master and both workers at once: nothing gets to clean up
    attempts = load.join()

    assert not group_alive(victim), "the killed instance is still running"
    accepted = [a for a in attempts if a.accepted]
    refused = [a for a in attempts if not a.accepted]
    after_kill = [a for a in accepted if a.started > killed_at + 0.5]
    stored = stored_emails(site.database_url, "fault-a")
    lost = {a.email for a in accepted} - stored
    figures = {
        "posts": len(attempts),
        "accepted": len(accepted),
        "failed": len(refused),
        "failed_statuses": sorted({a.status for a in refused}),
        "accepted_after_kill": len(after_kill),
        "stored": len(stored),
        "stored_but_failed": len(stored & {a.email for a in refused}),
        "lost": len(lost),
    }
    report("web instance killed", figures)

    assert not lost, f"accepted messages missing from the database: {sorted(lost)[:5]}"
    assert stored <= {a.email for a in attempts}
    # The other instance carried on: plenty of accepted posts after the kill, from every visitor.
    assert len(after_kill) >= 20, figures
    assert {a.email.split("-")[2] for a in after_kill} == {str(n) for n in range(THREADS)}, figures
    # Only a request that was inside the dead instance may fail: at most one per visitor.
    assert len(refused) <= THREADS, figures
    assert all(a.status in (502, 0) for a in refused), figures

    browser = Browser(site.base)
    health = browser.request("GET", "/healthz")
    assert health.status == 200 and health.body == b'{"database": "ok", "cache": "ok"}'
    assert "no-store" in health.headers["cache-control"]

    # Structured logs: the surviving instance wrote one JSON access record per request, with our request id.
    last = after_kill[-1]
    records = [r for r in site.json_log("web-2") if r.get("request_id") == last.request_id]
    assert records, f"no log record with request id {last.request_id} in web-2.log"
    access = next(r for r in records if r["logger"] == "campus.request")
    assert (access["method"], access["path"], access["status"]) == ("POST", "/contact/", 302)
    assert access["level"] == "INFO" and access["duration_ms"] >= 0 and access["time"].endswith("Z")
    assert f'"request_id":"{last.request_id}"' in (site.var / "log" / "nginx-access.log").read_text()

    # deploy/down.sh stops the rest gracefully: nginx, the surviving instance, both task workers.
    stopping = time.monotonic()
    output = deploy_down(site)
    assert "stopped the deployment" in output and "KILL" not in output, output
    assert not any(group_alive(pgid) for pgid in site.pids.values())
    assert not list((site.var / "run").glob("*.pid"))
    assert time.monotonic() - stopping < 20
    assert "Handling signal: term" in site.log("web-2")  # gunicorn's graceful stop
    assert "shutting down gracefully" in site.log("worker-1") + site.log("worker-2")


def check_nginx_serves_static_files_and_never_private_ones(site):
    browser = Browser(site.base)
    static_root = site.var / "static"
    hashed = next(p for p in static_root.rglob("*.css") if re.search(r"\.[0-9a-f]{12}\.css$", p.name))
    response = browser.request("GET", "/static/" + hashed.relative_to(static_root).as_posix())
    assert response.status == 200 and response.body == hashed.read_bytes()
    assert "immutable" in response.headers["cache-control"]
    assert "x-request-id" in response.headers  # nginx's own id: static requests are traceable too

    private = site.var / "media" / "private" / "documents" / "2026"
    private.mkdir(parents=True)
    (private / "cv.pdf").write_bytes(b"%PDF-1.4 private")
    for path in ("/media/private/documents/2026/cv.pdf", "/media//private/documents/2026/cv.pdf",
                 "/media/./private/documents/2026/cv.pdf", "/media/%70rivate/documents/2026/cv.pdf",
                 "/media/x/../private/documents/2026/cv.pdf", "/static/../media/private/documents/2026/cv.pdf"):
        assert browser.request("GET", path).status == 404, path

    # An upload of up to 12 MB reaches the application (which then judges it); more is refused by nginx,
    # from the Content-Length alone, before a byte of the body travels.
    def status_for_length(length: int) -> bytes:
        with socket.create_connection(("127.0.0.1", site.http_port), timeout=10) as sock:
            sock.sendall(f"POST /contact/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {length}\r\n"
                         "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n".encode())
            return sock.recv(64).split(b"\r\n")[0]

    assert status_for_length(13 * 1024 * 1024) == b"HTTP/1.1 413 Request Entity Too Large"
