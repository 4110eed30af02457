"""The roll call of a meetup session and the results of a survey, with 250 participants (phase 4 of
scripts/bench.sh; issue 12).

In a fresh SQLite database (its own temporary CAMPUS_VAR_DIR, like bench/profile_page.py): the seed edition gets
PARTICIPANTS participants (default 250), a session of module 1's first meetup running now, attendance for four
in five of them (some by QR, some at the roll call, a remark each), and the lead of module 1 with a signed-in
session. Then Django's WSGI handler is called directly, as a gunicorn sync worker does, signed in as that lead:
REQUESTS times (after one warm-up) the roll-call page, the overview (participants × sessions) and the session's
CSV export, and the results of a named survey of module 1 with an answer from each participant (charts and
texts; bench/survey_results_prepare.py). Reports the median and p90 wall time, the median process CPU time and the queries per request.
Target: the roll call's and the survey results' p50 under ATTENDANCE_P50_LIMIT_MS (bench/report.py).

Usage: python bench/attendance_roll_call.py OUT_DIR [PARTICIPANTS] [REQUESTS]
Writes OUT_DIR/attendance.json and OUT_DIR/phase.env (KIND=attendance).
"""

import io
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from importlib import import_module
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
tmp = tempfile.TemporaryDirectory(prefix="campus-bench-attendance-")
os.environ.update(CAMPUS_VAR_DIR=tmp.name, DEBUG="0")
os.environ.setdefault("SECRET_KEY", "bench-attendance-" + "x" * 40)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.utils import timezone  # noqa: E402


def prepare(count: int) -> tuple[str, int]:
    from campus.accounts.models import User
    from campus.attendance import services
    from campus.attendance.models import Attendance
    from campus.cohort.models import Participant
    from campus.programme.models import Edition, Meetup, Module
    from campus.team.models import TeamMembership

    edition = Edition.objects.get(is_current=True)
    module = Module.objects.get(edition=edition, number=1)
    meetup = Meetup.objects.filter(module=module).order_by("starts_at").first()
    lead = User.objects.create_user(email="bench.lead@example.org", password=None, full_name="Bench Lead",
                                    is_staff=True)
    TeamMembership.objects.create(edition=edition, user=lead, role=TeamMembership.Role.MODULE_LEAD, module=module)
    users = [User(email=f"bench.p{i:04d}@example.org", full_name=f"Given{i} Family{i:04d}", given_name=f"Given{i}",
                  family_name=f"Family{i:04d}") for i in range(count)]
    for user in users:
        user.set_unusable_password()
    users = User.objects.bulk_create(users)
    participants = Participant.objects.bulk_create([Participant(edition=edition, user=user) for user in users])
    Participant.objects.filter(edition=edition).update(created_at=timezone.now() - timedelta(days=365))
    start = timezone.now() - timedelta(minutes=20)
    session = services.create_session(actor=lead, meetup=meetup, title="Opening circle", starts_at=start,
                                      ends_at=start + timedelta(hours=4))
    statuses = ["present", "present", "late", "excused", None]
    Attendance.objects.bulk_create([
        Attendance(session=session, participant=p, status=statuses[i % 5], remark=f"Remark {i}",
                   method="qr" if i % 2 else "roll_call", recorded_by=lead, recorded_at=start)
        for i, p in enumerate(participants) if statuses[i % 5]])
    from survey_results_prepare import prepare_survey

    survey_id = prepare_survey(module=module, lead=lead, participants=participants)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(lead.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = lead.get_session_auth_hash()
    store.create()
    return store.session_key, session.pk, survey_id


def main(out: Path, count: int, requests: int) -> None:
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_seed_edition", stdout=io.StringIO())
    began = time.perf_counter()
    key, session_id, survey_id = prepare(count)
    prepared_s = round(time.perf_counter() - began, 2)
    handler = WSGIHandler()

    def get(path: str) -> bytes:
        path, _, query = path.partition("?")
        environ = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1", "SERVER_NAME": "127.0.0.1",
                   "REQUEST_METHOD": "GET", "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}={key}"}
        setup_testing_defaults(environ)
        status = []
        body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
        if not status[0].startswith("200"):
            raise SystemExit(f"attendance bench: {path} answered {status[0]}: {body[:300]!r}")
        return body

    pages = {"roll-call": f"/staff/attendance/sessions/{session_id}/", "overview": "/staff/attendance/overview/",
             "export-csv": f"/staff/attendance/sessions/{session_id}/export.csv",
             "survey-results": f"/staff/feedback/{survey_id}/results/"}
    results = {"participants": count, "requests": requests, "prepare_s": prepared_s, "pages": {}}
    for label, path in pages.items():
        body = get(path)
        settings.DEBUG = True  # count the queries of one request
        reset_queries()
        get(path)
        queries = len(connection.queries)
        settings.DEBUG = False
        cpu, wall = [], []
        for _ in range(requests):
            c, w = time.process_time(), time.perf_counter()
            get(path)
            cpu.append((time.process_time() - c) * 1000)
            wall.append((time.perf_counter() - w) * 1000)
        wall.sort()
        results["pages"][label] = {
            "path": path, "bytes": len(body), "queries": queries, "p50_ms": round(statistics.median(wall), 1),
            "p90_ms": round(wall[int(len(wall) * 0.9) - 1], 1), "cpu_ms": round(statistics.median(cpu), 1)}
        row = results["pages"][label]
        print(f"{label}: p50 {row['p50_ms']} ms, p90 {row['p90_ms']} ms, CPU {row['cpu_ms']} ms, "
              f"{row['queries']} queries, {row['bytes']:,} bytes ({count} participants, {requests} requests)")
    out.mkdir(parents=True, exist_ok=True)
    (out / "attendance.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "phase.env").write_text("KIND=attendance\nTITLE=The participant area: the roll call of a meetup session, the results of a survey\n"
                                   "SETUP=SQLite (a fresh database file), Django's WSGI handler called in-process "
                                   "(as a gunicorn sync worker does), DEBUG off\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 250,
         int(sys.argv[3]) if len(sys.argv) > 3 else 30)
