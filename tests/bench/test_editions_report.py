"""bench/report.py with phase-9 (editions and strategy) results: its section, its verdict, and the sections of other
phases kept from the previous docs/benchmarks.md (`BENCH_PHASES=9 make bench`)."""

import json

from tests.bench.test_radars_report import _report, _run


def _results(tmp_path, *, clone_s=0.4, pdf_s=0.2):
    results = tmp_path / "results"
    folder = results / "9-editions"
    folder.mkdir(parents=True)
    (results / "facts.env").write_text("NPROC=2\nCONNECTIONS=50\nTHREADS=2\n")
    (folder / "phase.env").write_text("KIND=editions\nTITLE=Editions\nSETUP=in-process\n")
    (folder / "clone.json").write_text(json.dumps({
        "what": "clone", "median_s": clone_s, "slowest_s": clone_s + 0.1, "runs": 5, "target_s": 2.0,
        "met": clone_s < 2}))
    (folder / "strategy_pdf.json").write_text(json.dumps({
        "what": "strategy_pdf", "median_s": pdf_s, "first_s": pdf_s + 0.3, "runs": 5, "kib": 80, "target_s": 1.0,
        "met": pdf_s < 1}))
    return results


def test_phase_9_is_reported_and_other_sections_are_kept(tmp_path):
    out = tmp_path / "benchmarks.md"
    out.write_text("# Benchmarks\n\nWritten on 2026-12-01 10:00 UTC.\n\n## 8. Radars: the picture\n\n"
                   "Radar text.\n\n## Machine\n\n- x\n")
    text = _run(_report(), _results(tmp_path), out)
    assert "## 9. Editions and strategy: cloning an edition, the strategy PDF" in text
    assert "0.40 s (median of 5" in text and "**met**" in text
    assert "Radar text." in text  # phase 8 was not run: kept


def test_a_missed_target_says_so(tmp_path):
    out = tmp_path / "benchmarks.md"
    text = _run(_report(), _results(tmp_path, pdf_s=1.5), out)
    section = text.split("## 9.", 1)[1]
    assert "**MISSED**" in section and "| MISSED |" in section
