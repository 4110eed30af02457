"""The strategy PDF (issue 15): a strategy with 6 objectives, 30 actions, 18 indicators and 12 check-ins, as the
whole PDF (the reads of selectors.whole, the SVG map and one typst compile), RUNS times (median). Target: under
LIMIT_S (1 s). Runnable alone, in a fresh SQLite database of its own (a temporary CAMPUS_VAR_DIR); prints the time.

Usage: python bench/strategy_pdf.py [RUNS] [OUT.pdf]   (OUT.pdf: keep the last PDF, to look at it)
With BENCH_JSON=FILE the figures are also written there as JSON (make bench, phase 9).
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
sys.path.insert(0, str(ROOT))
tmp = tempfile.TemporaryDirectory(prefix="campus-bench-strategy-")
os.environ.update(CAMPUS_VAR_DIR=tmp.name, MEDIA_ROOT=str(Path(tmp.name) / "media"), DEBUG="0")
os.environ.setdefault("SECRET_KEY", "bench-strategy-" + "x" * 40)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

LIMIT_S = 1.0


def prepare():
    from datetime import date
    from decimal import Decimal

    from django.contrib.auth import get_user_model

    from campus.cohort.models import Participant
    from campus.programme.models import Edition
    from campus.strategy import services

    edition = Edition.objects.get(is_current=True)
    user = get_user_model().objects.create_user(email="bench@example.org", password="x" * 20,
                                                full_name="Bench Participant")
    Participant.objects.create(edition=edition, user=user)
    strategy = services.create_strategy(
        actor=user, edition=edition, cluster_name="Ostrobothnia Energy Cluster",
        vision="The Baltic Sea Region's most trusted partner for the energy transition, with members who export "
               "together and a region that attracts talent.",
        mission="We connect energy companies, research and the public sector of Ostrobothnia to develop, test "
                "and sell solutions together.")
    actions, indicators = [], []
    for n in range(1, 7):
        objective = services.add_objective(strategy=strategy, actor=user,
                                           title=f"Objective {n}: strengthen the members' joint export projects in "
                                                 f"the Baltic Sea Region", description="Why it matters. " * 5)
        for k in range(1, 6):
            actions.append(services.save_action(objective=objective, actor=user,
                                                title=f"Action {n}.{k}: a workshop series with the members",
                                                owner_name="Cluster manager", due_date=date(2027, k, 10 + n)))
        for k in range(1, 4):
            indicators.append(services.save_indicator(
                objective=objective, actor=user, name=f"Indicator {n}.{k}: joint export projects", unit="projects",
                baseline_value=Decimal(10 * k), baseline_date=date(2026, 1, 1), direction="up",
                targets=[(date(2027, 12, 31), Decimal(20 * k)), (date(2028, 12, 31), Decimal(30 * k))]))
    for c in range(12):
        services.record_checkin(strategy=strategy, actor=user, date=date(2026, 1 + c, 15), note=f"Month {c + 1}.",
                                readings=[(i, Decimal(10 + c), "measured") for i in indicators],
                                statuses={a: "started" for a in actions})
    return strategy


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    out = sys.argv[2] if len(sys.argv) > 2 else ""
    call_command("migrate", verbosity=0)
    call_command("load_seed_edition", stdout=io.StringIO())
    from campus.strategy import pdf, selectors

    strategy = prepare()
    times, data = [], b""
    for _ in range(runs + 1):  # the first warms typst's fonts up
        start = time.perf_counter()
        data = pdf.pdf_bytes(selectors.whole(strategy))
        times.append(time.perf_counter() - start)
    median = statistics.median(times[1:])
    if out:
        Path(out).write_bytes(data)
    verdict = "ok" if median < LIMIT_S else "SLOWER THAN THE TARGET"
    print(f"strategy PDF (6 objectives, 30 actions, 18 indicators, 12 check-ins): median {median:.3f} s of {runs} "
          f"runs (first {times[0]:.3f} s), {len(data) // 1024} KiB; target < {LIMIT_S:.0f} s: {verdict}")
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps({
            "what": "strategy_pdf", "median_s": median, "first_s": times[0], "runs": runs, "kib": len(data) // 1024,
            "target_s": LIMIT_S, "met": median < LIMIT_S}))
    return 0 if median < LIMIT_S else 1


if __name__ == "__main__":
    sys.exit(main())
