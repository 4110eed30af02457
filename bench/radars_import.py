"""Importing ROWS (default 10,000) BYOR CSV rows into a radar (issue 14; target under IMPORT_LIMIT_S = 5 s), and
the radar page (the list view) of a 150-blip radar as a whole request.

In a fresh SQLite database (its own temporary CAMPUS_VAR_DIR, like bench/attendance_roll_call.py): a radar of a
participant of the seed edition with its first edition published, then the CSV is parsed (decode, row report,
cleaning) and committed as a new draft edition, REPEATS times on fresh radars. Reports the median and the worst
wall time of parse, of commit and of both. Then a radar of PAGE_BLIPS (150) blips, imported and published, is
asked for (GET /me/radars/<pk>/, the participant signed in) through Django's WSGI handler in-process, as a
gunicorn sync worker does: PAGE_REQUESTS times after a warm-up (median, p90, CPU, queries of one request).

Usage: python bench/radars_import.py OUT_DIR [ROWS] [REPEATS]
Writes OUT_DIR/radars_import.json (with "page") and OUT_DIR/phase.env (KIND=radars_import).
"""

import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
tmp = tempfile.TemporaryDirectory(prefix="campus-bench-radars-")
os.environ.update(CAMPUS_VAR_DIR=tmp.name, DEBUG="0")
os.environ.setdefault("SECRET_KEY", "bench-radars-" + "x" * 40)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

IMPORT_LIMIT_S = 5.0
PAGE_BLIPS = 150
PAGE_REQUESTS = 20


def csv_data(rows: int) -> bytes:
    quadrants = ["Technologies", "Business models & services", "markets-and-regulation", "Skills and collaboration"]
    rings = ["Adopt", "trial", "ASSESS", "Hold"]
    lines = ["name,ring,quadrant,isNew,status,description,topic"]
    for n in range(rows):
        description = f"<p>Item <b>{n}</b> <script>x()</script></p>" if n % 10 == 0 else f"Plain text {n}"
        lines.append(f'Item {n},{rings[n % 4]},{quadrants[(n // 4) % 4]},{"true" if n % 3 else "false"},,'
                     f'"{description}",topic {n % 7}')
    return ("\n".join(lines) + "\n").encode("utf-8")


def one_run(actor, edition, data: bytes, number: int) -> tuple[float, float, int, int]:
    from campus.radars import services
    from campus.radars.importers import common, parse

    radar = services.create_radar(actor=actor, edition=edition, title=f"Bench {number}", first_edition="first")
    services.publish(edition=radar.editions.get(), actor=actor)
    start = time.perf_counter()
    parsed, dates = parse("byor-csv", data, radar)
    parsed_at = time.perf_counter()
    [draft] = common.commit(radar=radar, actor=actor, parsed=parsed, dates=dates)
    done = time.perf_counter()
    return parsed_at - start, done - parsed_at, draft.blips.count(), len(parsed.problems)


def signed_in(user) -> str:
    """A session of ``user`` in the session store (the cookie's value)."""
    from importlib import import_module

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def time_radar_page(actor, edition, requests: int = PAGE_REQUESTS) -> dict:
    """The list view of a PAGE_BLIPS-blip radar (grouped list, filters, SVG picture), a whole signed-in request."""
    from wsgiref.util import setup_testing_defaults

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection, reset_queries

    from campus.radars import services
    from campus.radars.importers import common, parse

    radar = services.create_radar(actor=actor, edition=edition, title="Bench page radar", first_edition="first")
    services.publish(edition=radar.editions.get(), actor=actor)
    parsed, dates = parse("byor-csv", csv_data(PAGE_BLIPS), radar)
    [draft] = common.commit(radar=radar, actor=actor, parsed=parsed, dates=dates)
    services.publish(edition=draft, actor=actor)
    handler, cookie, path = WSGIHandler(), f"{settings.SESSION_COOKIE_NAME}={signed_in(actor)}", f"/me/radars/{radar.pk}/"

    def get() -> bytes:
        environ = {"PATH_INFO": path, "QUERY_STRING": "", "HTTP_HOST": "127.0.0.1", "SERVER_NAME": "127.0.0.1",
                   "REQUEST_METHOD": "GET", "HTTP_COOKIE": cookie}
        setup_testing_defaults(environ)
        status = []
        body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
        if not status[0].startswith("200"):
            raise SystemExit(f"radars bench: {path} answered {status[0]}: {body[:300]!r}")
        return body

    body = get()
    settings.DEBUG = True  # count the queries of one request
    reset_queries()
    get()
    queries = len(connection.queries)
    settings.DEBUG = False
    cpu, wall = [], []
    for _ in range(requests):
        c, w = time.process_time(), time.perf_counter()
        get()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    wall.sort()
    return {"path": path, "blips": body.count(b'class="radar-move'), "bytes": len(body), "queries": queries,
            "requests": requests, "p50_ms": round(statistics.median(wall), 1),
            "p90_ms": round(wall[int(len(wall) * 0.9) - 1], 1), "cpu_ms": round(statistics.median(cpu), 1)}


def main() -> None:
    out = Path(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    out.mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # the page's static tags (manifest storage)
    call_command("load_seed_edition", stdout=io.StringIO())
    from campus.accounts.models import User
    from campus.cohort.models import Participant
    from campus.programme.models import Edition

    edition = Edition.objects.get(is_current=True)
    actor = User.objects.create_user(email="bench.radar@example.org", password=None, full_name="Bench Radar")
    Participant.objects.create(edition=edition, user=actor)
    data = csv_data(rows)
    runs = [one_run(actor, edition, data, n) for n in range(repeats)]
    totals = [p + c for p, c, _, _ in runs]
    result = {"rows": rows, "bytes": len(data), "blips": runs[0][2], "problems": runs[0][3],
              "parse_s": round(statistics.median(r[0] for r in runs), 3),
              "commit_s": round(statistics.median(r[1] for r in runs), 3),
              "total_p50_s": round(statistics.median(totals), 3), "total_max_s": round(max(totals), 3),
              "limit_s": IMPORT_LIMIT_S, "met": statistics.median(totals) < IMPORT_LIMIT_S}
    result["page"] = time_radar_page(actor, edition)
    (out / "radars_import.json").write_text(json.dumps(result, indent=2))
    (out / "phase.env").write_text("KIND=radars_import\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
