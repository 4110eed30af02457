"""Phase 9 of the report (bench/editions_clone.py and bench/strategy_pdf.py): cloning an edition and the strategy
PDF (issue 15)."""

import json
from pathlib import Path

EDITIONS_HEADERS = ["what", "size", "time", "target", ""]


def load_editions(folder: Path, read_env) -> dict:
    clone = json.loads((folder / "clone.json").read_text())
    pdf = json.loads((folder / "strategy_pdf.json").read_text())
    table = [
        ["clone an edition, every part (one transaction)", "4 modules, 8 meetups, 30 questions, 20 templates, 10 surveys",
         f"{clone['median_s']:.2f} s (median of {clone['runs']}, slowest {clone['slowest_s']:.2f} s)",
         f"< {clone['target_s']:.0f} s", "met" if clone["met"] else "MISSED"],
        ["strategy PDF (reads, SVG map, typst)", f"6 objectives, 30 actions, 18 indicators, 12 check-ins; {pdf['kib']} KiB",
         f"{pdf['median_s']:.2f} s (median of {pdf['runs']}; first {pdf['first_s']:.2f} s)",
         f"< {pdf['target_s']:.0f} s", "met" if pdf["met"] else "MISSED"],
    ]
    return {"kind": "editions", "env": read_env(folder / "phase.env"), "clone": clone, "pdf": pdf, "table": table,
            "met": bool(clone["met"] and pdf["met"])}


def editions_md(phase: dict, md_table) -> str:
    return ("## 9. Editions and strategy: cloning an edition, the strategy PDF\n\n"
            "Targets (issue 15): cloning an edition with 4 modules, 8 meetups, 30 questions, 20 mail templates and "
            f"10 surveys in under 2 s, the strategy PDF in under 1 s — **{'met' if phase['met'] else 'MISSED'}**. "
            f"{phase['env'].get('SETUP', '')} (load average before: {phase['env'].get('LOAD_BEFORE', '?')}).\n\n"
            + md_table(EDITIONS_HEADERS, phase["table"]) + "\n")
