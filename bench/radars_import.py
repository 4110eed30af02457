"""Importing ROWS (default 10,000) BYOR CSV rows into a radar (issue 14; target under IMPORT_LIMIT_S = 5 s).

In a fresh SQLite database (its own temporary CAMPUS_VAR_DIR, like bench/attendance_roll_call.py): a radar of a
participant of the seed edition with its first edition published, then the CSV is parsed (decode, row report,
cleaning) and committed as a new draft edition, REPEATS times on fresh radars. Reports the median and the worst
wall time of parse, of commit and of both.

Usage: python bench/radars_import.py OUT_DIR [ROWS] [REPEATS]
Writes OUT_DIR/radars_import.json and OUT_DIR/phase.env (KIND=radars_import).
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

from django.core.management import call_command  # noqa: E402

IMPORT_LIMIT_S = 5.0


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


def main() -> None:
    out = Path(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    out.mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0)
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
    (out / "radars_import.json").write_text(json.dumps(result, indent=2))
    (out / "phase.env").write_text("KIND=radars_import\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
