"""The release benchmark (phase 3 of scripts/bench.sh): release N admit decisions (default 500) and make
every admitted person's acceptance letter, as a real release does.

Run after bench/admissions_prepare.py, with the phase's environment. Steps:

1. Not measured: the edition's capacity is raised to N (the seed edition has 20 places; a release never
   offers more places than the capacity, so 500 offers need 500 places) and the N best-ranked applications
   (campus.review.ranking, by score) are staged as "admit" with campus.admissions.services.stage_decisions.
2. Measured, "release": campus.admissions.services.release(call=..., actor=manager) — in one transaction the
   N offers, N outbox drafts (a release by hand makes drafts) and the activity log; on commit it enqueues the
   letter tasks (make_letters, 50 offers each) in the task queue (django-tasks-db).
3. Measured, "letters": what the deployment's task worker does with that queue: ``manage.py db_worker
   --batch`` (one worker process, started after the release: its start-up is counted) runs every queued task
   and exits. Then every offer must have its letter (a PDF file on disk), else the run fails.

Usage: python bench/admissions_release.py OUT_DIR [DECISIONS]   (writes OUT_DIR/release.json)
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from campus.accounts.models import User  # noqa: E402
from campus.admissions import services  # noqa: E402
from campus.admissions.models import Offer  # noqa: E402
from campus.applications.models import Call  # noqa: E402
from campus.review import ranking  # noqa: E402


def main(out: Path, n: int) -> None:
    facts = json.loads((out / "prepare.json").read_text())
    call = Call.objects.select_related("edition").get(pk=facts["call_id"])
    manager = User.objects.get(email="bench-manager@example.org")
    edition = call.edition
    old_capacity = edition.capacity
    edition.capacity = n
    edition.save(update_fields=["capacity"])

    started = time.perf_counter()
    best = ranking.sort_rows(ranking.rows(call), "score")[:n]
    services.stage_decisions(call=call, decisions={row.application.pk: ("admit", None) for row in best},
                             actor=manager)
    stage_s = time.perf_counter() - started

    started = time.perf_counter()
    result = services.release(call=call, actor=manager)
    release_s = time.perf_counter() - started
    connection.close()  # the worker is another process; nothing of ours holds the database

    started = time.perf_counter()
    worker = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "db_worker", "--batch", "--no-startup-delay", "-v0"],
        cwd=ROOT, capture_output=True, text=True,
    )
    letters_s = time.perf_counter() - started
    if worker.returncode != 0:
        raise SystemExit(f"admissions_release: the task worker failed:\n{worker.stdout}\n{worker.stderr}")

    offers = list(Offer.objects.filter(application__call=call, via=Offer.Via.RELEASE))
    with_letter = [o for o in offers if o.letter and o.letter.storage.exists(o.letter.name)]
    sizes = [o.letter.size for o in with_letter[:20]]
    from campus.communications.models import OutboxMessage

    drafts = OutboxMessage.objects.filter(edition=edition, event="offer").count()
    total_s = release_s + letters_s
    report = {
        "decisions": n, "old_capacity": old_capacity, "capacity": n, "offers": result.offers,
        "waitlisted": result.waitlisted, "rejected": result.rejected, "offers_in_db": len(offers),
        "letters": len(with_letter), "mail_drafts": drafts,
        "letter_kb_avg": round(sum(sizes) / len(sizes) / 1024, 1) if sizes else 0,
        "stage_s": round(stage_s, 2), "release_s": round(release_s, 2), "letters_s": round(letters_s, 2),
        "total_s": round(total_s, 2), "per_letter_ms": round(letters_s / max(len(with_letter), 1) * 1000, 1),
        "per_decision_ms": round(total_s / n * 1000, 1), "database": connection.vendor,
    }
    report["ok"] = result.offers == n and len(with_letter) == n and drafts >= n
    (out / "release.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"Release of {n} admits: {release_s:.1f} s; letters: {letters_s:.1f} s "
          f"({len(with_letter)} of {n}); total {total_s:.1f} s")
    if not report["ok"]:
        raise SystemExit(f"admissions_release: incomplete release: {report}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 500)
