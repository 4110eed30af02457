"""CPU time of one ranking-board request in the Django process (phase 3 of scripts/bench.sh): a figure that
a busy machine distorts far less than wrk's latencies. Calls Django's WSGI handler directly, as a gunicorn
sync worker does, signed in as the bench manager, REQUESTS times per board variant after one warm-up
request; reports the median process CPU time (time.process_time: this process only, so PostgreSQL's own
work is not in it) and the median wall time.

Usage: python bench/admissions_board_cpu.py OUT_DIR [REQUESTS]
Reads OUT_DIR/endpoints.tsv (label, path, ...) and OUT_DIR/session.txt; writes OUT_DIR/board_cpu.json.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

handler = WSGIHandler()


def get(path: str, session: str) -> None:
    path, _, query = path.partition("?")
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1", "SERVER_NAME": "127.0.0.1",
               "REQUEST_METHOD": "GET", "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}={session}"}
    setup_testing_defaults(environ)
    status = []
    body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
    if not status[0].startswith("200"):
        raise SystemExit(f"admissions_board_cpu: {path}?{query} answered {status[0]}: {body[:300]!r}")


def main(out: Path, requests: int) -> None:
    session = (out / "session.txt").read_text().strip()
    results = {}
    for line in (out / "endpoints.tsv").read_text().splitlines():
        label, path = line.split("\t")[:2]
        get(path, session)
        cpu, wall = [], []
        for _ in range(requests):
            c, w = time.process_time(), time.perf_counter()
            get(path, session)
            cpu.append((time.process_time() - c) * 1000)
            wall.append((time.perf_counter() - w) * 1000)
        results[label] = {"cpu_ms": round(statistics.median(cpu), 1), "wall_ms": round(statistics.median(wall), 1),
                          "requests": requests}
        print(f"{label}: CPU {results[label]['cpu_ms']} ms, wall {results[label]['wall_ms']} ms (median of {requests})")
    (out / "board_cpu.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 20)
