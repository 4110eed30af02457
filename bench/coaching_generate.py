"""Generation of coaching groups for 250 participants (issue 12; target: under 2 s per round).

Runs the generator (campus.coaching.generator: greedy start + swap search) on a synthetic cohort of 250 with
8 countries and 8 sectors of uneven sizes, four rounds in a row, each avoiding the pairs of the rounds before
it (the hard case: every round has fewer free pairs). Prints one line per round (median wall time of RUNS runs,
the groups' sizes, pairs met before, the total cost) and, with OUT_DIR, writes OUT_DIR/coaching_generate.json
and OUT_DIR/phase.env (KIND=coaching: phase 5 of scripts/bench.sh, read by bench/report.py).
The database part of a real generation (four queries: cohort, sectors, earlier groups, rounds) is not in it.

Usage: python bench/coaching_generate.py [OUT_DIR] [RUNS]
"""

import json
import random
import statistics
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from campus.coaching.generator import Person, generate  # noqa: E402

TARGET_S = 2.0
PARTICIPANTS = 250
COUNTRIES = ["FI", "SE", "LT", "DE", "DK", "EE", "LV", "PL"]
SECTORS = ["Energy", "Health", "ICT", "Food", "Maritime", "Textiles", "Wood", "Mobility"]


def cohort(n: int) -> list[Person]:
    rng = random.Random(12)
    weights = [8, 6, 5, 4, 3, 2, 1, 1]  # uneven: some countries and sectors are crowded
    return [Person(key=i + 1, name=f"P{i + 1:03d}", country=rng.choices(COUNTRIES, weights)[0],
                   sector=rng.choices(SECTORS, weights)[0]) for i in range(n)]


def main(out: Path | None, runs: int) -> None:
    people = cohort(PARTICIPANTS)
    met: Counter = Counter()
    earlier: list[list[int]] = []
    results = []
    for round_number in range(1, 5):
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            proposal = generate(people, seed=round_number, met=dict(met), earlier_groups=earlier)
            times.append(time.perf_counter() - started)
        groups = [[p.key for p in g.members] for g in proposal.groups]
        for group in groups:
            met.update(frozenset(pair) for pair in combinations(group, 2))
        earlier += groups
        median = statistics.median(times)
        sizes = Counter(len(g) for g in groups)
        row = {"round": round_number, "participants": PARTICIPANTS, "seconds": round(median, 3),
               "target_s": TARGET_S, "ok": median < TARGET_S, "groups_of_3": sizes[3], "groups_of_4": sizes[4],
               "repeated_pairs": proposal.repeats, "cost": proposal.total_cost}
        results.append(row)
        print(f"coaching round {round_number}: {PARTICIPANTS} participants -> {sizes[3]}x3 + {sizes[4]}x4 in "
              f"{median * 1000:.0f} ms (median of {runs}; target {TARGET_S:.0f} s: "
              f"{'met' if row['ok'] else 'MISSED'}), {proposal.repeats} repeated pairs, cost {proposal.total_cost}")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "coaching_generate.json").write_text(json.dumps({"runs": runs, "rounds": results}, indent=2) + "\n")
        (out / "phase.env").write_text("KIND=coaching\nTITLE=Coaching: generating the groups of 250 participants\n"
                                       "SETUP=The generator alone (pure Python, no database), in-process\n")
    if not all(r["ok"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
