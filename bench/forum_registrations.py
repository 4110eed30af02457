"""200 registrations at once for a forum event (phase 7 of scripts/bench.sh; issue 13).

In a fresh SQLite database (its own temporary CAMPUS_VAR_DIR, like bench/attendance_roll_call.py) the seed
programme gets an open event with CAPACITY seats (default 150). COUNT registrations (default 200) arrive together
and are served CONCURRENCY at a time (default 8: more than the 2 × 2 gunicorn workers of production, whose other
requests wait in the listen backlog; 200 threads at once in one process exceed SQLite's 20 s busy timeout on a
loaded machine, which no server set-up of ours produces): each registers a guest and confirms the address (two transactions through
campus.forum.services, each under the event's lock, with the outbox's mail queued), as COUNT requests arriving
together would. Reports the wall time of the whole burst, the median, p90 and slowest registration, errors, and
checks the outcome: exactly CAPACITY with a seat, the rest on the waitlist in the order they were placed, one
mail each. Then the staff list of the event (first page, every registration) and its CSV export, through
Django's WSGI handler in-process, signed in as a manager of the edition.

Usage: python bench/forum_registrations.py OUT_DIR [COUNT] [CAPACITY] [CONCURRENCY]
Writes OUT_DIR/forum.json and OUT_DIR/phase.env (KIND=forum).
"""

import io
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import timedelta
from importlib import import_module
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
tmp = tempfile.TemporaryDirectory(prefix="campus-bench-forum-")
os.environ.update(CAMPUS_VAR_DIR=tmp.name, DEBUG="0")
os.environ.setdefault("SECRET_KEY", "bench-forum-" + "x" * 40)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402



def make_event(capacity: int):
    from campus.forum.models import Event
    from campus.programme.models import Edition

    edition = Edition.objects.get(is_current=True)
    today = timezone.localdate()
    return Event.objects.create(programme=edition.programme, edition=edition, slug="bench-forum",
                                title="Bench Forum", starts_on=today + timedelta(days=30),
                                ends_on=today + timedelta(days=31), capacity=capacity, published=True)


ARRIVED = 0.0  # when the burst arrived: each registration's latency counts from it (its wait in the queue too)


def one(event, n: int, times: list, errors: list) -> None:
    from campus.forum import services

    try:
        registration, _ = services.register(event=event, email=f"bench.{n:04d}@example.org", details={
            "name": f"Bench Person {n:04d}", "organisation": f"Cluster {n % 17}", "country": "FI"})
        services.confirm_email(registration=registration)
        times.append(time.perf_counter() - ARRIVED)
    except Exception as error:  # counted and shown: a failed registration is the finding
        errors.append(f"{type(error).__name__}: {error}")


def worker(event, numbers: list, lock, barrier, times: list, errors: list) -> None:
    barrier.wait()
    while True:
        with lock:
            if not numbers:
                break
            n = numbers.pop(0)
        one(event, n, times, errors)
    connection.close()


def burst(event, count: int, concurrency: int) -> dict:
    """``count`` registrations arriving together, served ``concurrency`` at a time (the server's workers: the
    others wait in the queue, as requests wait in the listen backlog); the latency counts the wait too."""
    barrier = threading.Barrier(concurrency + 1)
    times: list = []
    errors: list = []
    numbers, lock = list(range(count)), threading.Lock()
    threads = [threading.Thread(target=worker, args=(event, numbers, lock, barrier, times, errors))
               for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    global ARRIVED
    ARRIVED = started
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(times)
    return {"count": count, "concurrency": concurrency, "wall_s": round(wall, 2), "ok": len(times), "errors": len(errors),
            "error_samples": errors[:5], "p50_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
            "p90_ms": round(ordered[int(len(ordered) * 0.9) - 1] * 1000, 1) if ordered else None,
            "max_ms": round(ordered[-1] * 1000, 1) if ordered else None}


def outcome(event, capacity: int, count: int) -> dict:
    from campus.communications.models import OutboxMessage
    from campus.forum.models import Registration

    rows = list(Registration.objects.filter(event=event).order_by("queued_at", "id"))
    seated = [r for r in rows if r.state == "confirmed"]
    waiting = [r for r in rows if r.state == "waitlisted"]
    # arrival order: everyone seated was placed before everyone waiting
    in_order = not seated or not waiting or max(r.queued_at for r in seated) <= min(r.queued_at for r in waiting)
    mails = OutboxMessage.objects.filter(event__in=["forum_registered", "forum_waitlisted"]).count()
    correct = (len(seated) == min(capacity, count) and len(waiting) == count - len(seated) and in_order
               and mails == count)
    return {"seated": len(seated), "waiting": len(waiting), "in_order": in_order, "mails": mails,
            "correct": correct}


def staff_pages(event, requests: int = 10) -> dict:
    from campus.accounts.models import User
    from campus.team.models import TeamMembership

    manager = User.objects.create_user(email="bench.manager@example.org", password=None, full_name="Bench Manager")
    TeamMembership.objects.create(edition=event.edition, user=manager, role=TeamMembership.Role.MANAGER)
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(manager.pk), "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = manager.get_session_auth_hash()
    session.save()
    handler = WSGIHandler()
    results = {}
    for label, path in (("list", f"/staff/forum/{event.pk}/"), ("csv", f"/staff/forum/{event.pk}/export.csv")):
        times = []
        for n in range(requests + 1):
            environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_HOST": "127.0.0.1",
                       "SERVER_NAME": "127.0.0.1",
                       "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}={session.session_key}"}
            setup_testing_defaults(environ)
            status = []
            started = time.perf_counter()
            body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
            if not status[0].startswith("200"):
                raise SystemExit(f"forum bench: {path} answered {status[0]}: {body[:300]!r}")
            if n:
                times.append(time.perf_counter() - started)
        results[label] = {"path": path, "bytes": len(body), "p50_ms": round(statistics.median(times) * 1000, 1)}
    return results


def main(out: Path, count: int, capacity: int, concurrency: int) -> None:
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_seed_edition", stdout=io.StringIO())
    event = make_event(capacity)
    prepare_s = round(time.perf_counter() - started, 1)
    result = burst(event, count, concurrency)
    checked = outcome(event, capacity, count)
    pages = staff_pages(event)
    # issue 13 names no time for it: the bar is correctness (every registration placed, seats never exceeded,
    # arrival order, one mail each); the times are recorded for comparison between runs
    met = checked["correct"] and not result["errors"]
    data = {"prepare_s": prepare_s, "capacity": capacity, "burst": result, "outcome": checked, "pages": pages,
            "met": met}
    print(f"forum: {count} registrations at once ({concurrency} served at a time) for {capacity} seats in "
          f"{result['wall_s']} s "
          f"(p50 {result['p50_ms']} ms, p90 {result['p90_ms']} ms, slowest {result['max_ms']} ms, "
          f"{result['errors']} errors); {checked['seated']} seated, {checked['waiting']} waiting, "
          f"arrival order {'kept' if checked['in_order'] else 'BROKEN'}, {checked['mails']} mails — "
          f"{'correct' if met else 'WRONG'}")
    for label, page in pages.items():
        print(f"forum staff {label}: {page['path']} {page['bytes']:,} bytes, p50 {page['p50_ms']} ms")
    out.mkdir(parents=True, exist_ok=True)
    (out / "forum.json").write_text(json.dumps(data, indent=2) + "\n")
    (out / "phase.env").write_text("KIND=forum\nTITLE=Forum: 200 registrations at once\n"
                                   "SETUP=SQLite (WAL, IMMEDIATE transactions), the forum's services in-process, "
                                   "the burst served by a pool of threads like server workers\n")
    if not met:
        sys.exit(1)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200,
         int(sys.argv[3]) if len(sys.argv) > 3 else 150, int(sys.argv[4]) if len(sys.argv) > 4 else 8)
