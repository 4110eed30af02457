"""Where does the time of one cached public page go? Calls Django's WSGI handler directly, as a gunicorn
sync worker does (request_started/request_finished fire, so database connections are opened and closed
per request exactly as in production), against a fresh seeded SQLite DB, then profiles with cProfile.

With --signed-in, the requests carry the session of an applicant with a draft application (bench/prepare.py):
the application step pages, the status page, the home page as a signed-in visitor sees it. --no-profile prints
only the time per request (the figure to compare before and after a change); --queries prints the SQL of
one request.

Usage: .venv/bin/python bench/profile_page.py [--signed-in] [--no-profile] [--queries] [PATH] [REQUESTS]   (default: / 2000)
"""

import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
tmp = tempfile.TemporaryDirectory(prefix="campus-profile-")
os.environ.update(CAMPUS_VAR_DIR=tmp.name, DEBUG="0", SECRET_KEY="profile-" + "x" * 40,
                  CAMPUS_URLCONF="campus.core.bench_urls")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402

call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
call_command("load_seed_edition", stdout=io.StringIO())
handler = WSGIHandler()
flags = {arg for arg in sys.argv[1:] if arg.startswith("--")}
args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
cookie = ""
if "--signed-in" in flags:
    sys.path.insert(0, str(ROOT / "bench"))
    from prepare import main as prepare_sessions  # noqa: E402

    keys = Path(tmp.name) / "sessions.txt"
    prepare_sessions(1, keys)
    cookie = "sessionid=" + keys.read_text().split()[0]


def get(path: str) -> str:
    environ = {"PATH_INFO": path, "HTTP_HOST": "127.0.0.1", "SERVER_NAME": "127.0.0.1", "REQUEST_METHOD": "GET"}
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    setup_testing_defaults(environ)
    status = []
    body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
    assert status[0].startswith("200"), (path, status, body[:500])
    return status[0]


path = args[0] if args else "/"
n = int(args[1]) if len(args) > 1 else 2000
get(path)  # fills the page cache
if "--queries" in flags:  # the SQL of one request
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        get(path)
    for number, query in enumerate(queries.captured_queries, start=1):
        print(f"{number:3}. {query['sql'][:300]}")
for p in ("/__bench__/trivial/", path):
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        get(p)
    print(f"{p}: {(time.perf_counter() - start) / n * 1e6:.0f} µs per request, "
          f"{(time.process_time() - cpu) / n * 1e6:.0f} µs CPU (WSGI handler, one process)")
if "--no-profile" in flags:
    tmp.cleanup()
    sys.exit(0)

profiler = cProfile.Profile()
profiler.enable()
for _ in range(n):
    get(path)
profiler.disable()
stats = pstats.Stats(profiler)
stats.sort_stats("cumulative").print_stats(os.environ.get("PROFILE_FILTER", r"campus|django/db/backends|sqlite3|csp|whitenoise|locmem"), int(os.environ.get("PROFILE_LINES", "30")))
stats.sort_stats("tottime").print_stats(12)
tmp.cleanup()
