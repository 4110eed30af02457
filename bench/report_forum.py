"""Phase 7 of the report (bench/forum_registrations.py): 200 registrations at once for a forum event."""

import json
from pathlib import Path

FORUM_HEADERS = ["what", "figure", "outcome"]


def load_forum(folder: Path, read_env) -> dict:
    data = json.loads((folder / "forum.json").read_text())
    burst, outcome = data["burst"], data["outcome"]
    table = [
        [f"{burst['count']} registrations at once ({burst.get('concurrency', '?')} served at a time), "
         f"{data['capacity']} seats",
         f"{burst['wall_s']} s in all; p50 {burst['p50_ms']} ms, p90 {burst['p90_ms']} ms, slowest {burst['max_ms']} ms",
         f"{outcome['seated']} seated, {outcome['waiting']} waiting, order {'kept' if outcome['in_order'] else 'BROKEN'}, "
         f"{outcome['mails']} mails, {burst['errors']} errors"],
        *([f"staff {label}", f"{page['bytes']:,} bytes, p50 {page['p50_ms']} ms", page["path"]]
          for label, page in data["pages"].items()),
    ]
    return {"kind": "forum", "env": read_env(folder / "phase.env"), "data": data, "table": table, "met": data["met"]}


def forum_md(phase: dict, md_table) -> str:
    return ("## 7. Forum: 200 registrations at once\n\n"
            f"Bar (issue 13): every registration placed, never more seats than the capacity, the waitlist in "
            f"arrival order, one mail each — **{'met' if phase['met'] else 'MISSED'}**. {phase['env'].get('SETUP', '')}; "
            f"each registration is a guest's two steps (register, confirm the address); its time counts from the "
            f"burst's arrival, its wait in the queue included.\n\n" + md_table(FORUM_HEADERS, phase["table"]) + "\n")
