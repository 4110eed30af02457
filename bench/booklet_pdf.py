"""The participant booklet (phase 6 of scripts/bench.sh; issue 13): the booklet PDF for 25 and for 250
participants with photos, and the public booklet page with 250 profiles.

In a fresh SQLite database (its own temporary CAMPUS_VAR_DIR and MEDIA_ROOT): the seed edition gets a demo
cohort of PARTICIPANTS generated participants with profiles and portraits (campus.booklet.demo, the code behind
`manage.py booklet_demo_cohort`), all with public consent. Then:

- the PDF (campus.booklet.pdf.render: reading the photos into typst's root, one typst compile) of the first 25
  and of all of them, RUNS times each (median), and once the whole background task for all of them
  (campus.booklet.document.make: profiles, fingerprint, render, the kept file written);
- the public booklet page /booklet/<edition>/ through Django's WSGI handler in-process (as a gunicorn sync
  worker), REQUESTS times: as cached for visitors (the page cache) and rendered every time (with a session
  cookie, as the first visitor after a change gets it); req/s of one worker = 1 / mean wall time.

Targets: 25 participants under PDF_25_LIMIT_S (2 s), 250 under PDF_250_LIMIT_S (15 s) (bench/report.py).

Usage: python bench/booklet_pdf.py OUT_DIR [PARTICIPANTS] [RUNS] [REQUESTS]
Writes OUT_DIR/booklet.json and OUT_DIR/phase.env (KIND=booklet).
"""

import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
tmp = tempfile.TemporaryDirectory(prefix="campus-bench-booklet-")
os.environ.update(CAMPUS_VAR_DIR=tmp.name, MEDIA_ROOT=str(Path(tmp.name) / "media"), DEBUG="0")
os.environ.setdefault("SECRET_KEY", "bench-booklet-" + "x" * 40)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402

PDF_25_LIMIT_S = 2.0
PDF_250_LIMIT_S = 15.0


def prepare(count: int):
    from campus.booklet import demo, selectors, services
    from campus.booklet.models import BookletProfile, ConsentLevel
    from campus.programme.models import Edition

    edition = Edition.objects.select_related("programme").get(is_current=True)
    demo.fill(edition, count)
    for profile in selectors.with_consent(BookletProfile.objects.filter(participant__edition=edition)):
        if profile.consent_level != ConsentLevel.PUBLIC:
            services.record_consent(profile=profile, level=ConsentLevel.PUBLIC, actor=None, by_staff=True)
    return edition


def time_pdf(edition, profiles, runs: int) -> dict:
    from pypdf import PdfReader

    from campus.booklet import pdf

    times, cpu, data = [], [], b""
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        data = pdf.render(edition, "public", profiles)
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return {"participants": len(profiles), "seconds": round(statistics.median(times), 3),
            "first_s": round(times[0], 3), "cpu_s": round(statistics.median(cpu), 3),
            "runs": runs, "pages": len(PdfReader(io.BytesIO(data)).pages), "bytes": len(data),
            "photos": sum(1 for p in profiles if p.photo)}


def time_page(path: str, requests: int, cookie: str = "") -> dict:
    handler = WSGIHandler()

    def get() -> bytes:
        environ = {"PATH_INFO": path, "QUERY_STRING": "", "HTTP_HOST": "127.0.0.1", "SERVER_NAME": "127.0.0.1",
                   "REQUEST_METHOD": "GET"}
        if cookie:
            environ["HTTP_COOKIE"] = cookie
        setup_testing_defaults(environ)
        status = []
        body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
        if not status[0].startswith("200"):
            raise SystemExit(f"booklet bench: {path} answered {status[0]}: {body[:300]!r}")
        return body

    body = get()
    settings.DEBUG = True
    reset_queries()
    get()
    queries = len(connection.queries)
    settings.DEBUG = False
    wall = []
    for _ in range(requests):
        began = time.perf_counter()
        get()
        wall.append((time.perf_counter() - began) * 1000)
    wall.sort()
    return {"path": path, "bytes": len(body), "queries": queries, "requests": requests,
            "rps": round(1000 / statistics.mean(wall), 1), "p50_ms": round(statistics.median(wall), 1),
            "p90_ms": round(wall[int(len(wall) * 0.9) - 1], 1), "cards": body.count(b'class="bk-card"')}


def main(out: Path, count: int, runs: int, requests: int) -> None:
    from campus.booklet import document, selectors

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_seed_edition", stdout=io.StringIO())
    began = time.perf_counter()
    edition = prepare(count)
    prepared_s = round(time.perf_counter() - began, 1)
    profiles = list(selectors.published_profiles(edition, "public"))
    results = {"participants": count, "prepare_s": prepared_s, "pdf": [], "pages": {},
               "load_before": Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else ""}
    from campus.booklet import pdf

    pdf.render(edition, "public", profiles[:1])  # typst loads its fonts once per process: not part of a booklet
    for size, limit in ((25, PDF_25_LIMIT_S), (count, PDF_250_LIMIT_S)):
        row = time_pdf(edition, profiles[:size], runs)
        row.update(target_s=limit, ok=row["seconds"] < limit)
        results["pdf"].append(row)
        print(f"booklet PDF, {row['participants']} participants ({row['photos']} photos): {row['seconds']:.2f} s "
              f"(median of {runs}, first {row['first_s']:.2f} s, CPU {row['cpu_s']:.2f} s; target {limit:.0f} s: {'met' if row['ok'] else 'MISSED'}), {row['pages']} pages, "
              f"{row['bytes'] / 1e6:.1f} MB")
    began = time.perf_counter()
    document.make(edition, "public", force=True)
    results["task_s"] = round(time.perf_counter() - began, 2)
    print(f"the background task for {count} participants (fingerprint, render, kept file): {results['task_s']} s")
    path = f"/booklet/{edition.slug}/"
    results["pages"]["booklet-cached"] = time_page(path, requests)
    results["pages"]["booklet-rendered"] = time_page(path, requests, cookie=f"{settings.SESSION_COOKIE_NAME}=bench")
    for label, row in results["pages"].items():
        print(f"{label} {path}: {row['rps']} req/s in one process, p50 {row['p50_ms']} ms, p90 {row['p90_ms']} ms, "
              f"{row['queries']} queries, {row['cards']} profiles, {row['bytes']:,} bytes")
    out.mkdir(parents=True, exist_ok=True)
    (out / "booklet.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "phase.env").write_text(
        "KIND=booklet\nTITLE=The participant booklet: the PDF and the public page\n"
        "SETUP=SQLite (a fresh database file), a demo cohort with generated portraits, all public; the PDF in-process "
        "(typst), the page through Django's WSGI handler in-process (as a gunicorn sync worker does), DEBUG off\n")
    if not all(row["ok"] for row in results["pdf"]):
        sys.exit(1)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 250,
         int(sys.argv[3]) if len(sys.argv) > 3 else 3, int(sys.argv[4]) if len(sys.argv) > 4 else 50)
