"""bench/report.py with phase-8 (radars) results: its section, its verdict, and the sections of other phases kept
from the previous docs/benchmarks.md (`BENCH_PHASES=8 make bench`)."""

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _report():
    spec = importlib.util.spec_from_file_location("bench_report", ROOT / "bench" / "report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _results(tmp_path, *, svg_ms=40.0, total_s=3.2):
    results = tmp_path / "results"
    folder = results / "8-radars"
    folder.mkdir(parents=True)
    (results / "facts.env").write_text("NPROC=2\nCONNECTIONS=50\nTHREADS=2\n")
    (folder / "phase.env").write_text("KIND=radars\nTITLE=Radars\nSETUP=in-process\n")
    (folder / "radars_render.json").write_text(json.dumps({
        "blips": 150, "runs": 9, "svg_ms": svg_ms, "svg_target_ms": 200, "svg_ok": svg_ms < 200, "list_ms": 61.5}))
    (folder / "radars_import.json").write_text(json.dumps({
        "rows": 10000, "bytes": 520000, "blips": 10000, "problems": 0, "parse_s": 1.1, "commit_s": 2.1,
        "total_p50_s": total_s, "total_max_s": total_s + 0.2, "limit_s": 5.0, "met": total_s < 5,
        "page": {"path": "/me/radars/3/", "blips": 150, "bytes": 210000, "queries": 14, "requests": 20,
                 "p50_ms": 90.1, "p90_ms": 99.0, "cpu_ms": 85.0}}))
    return results


def _run(report, results, out):
    argv = sys.argv
    try:
        sys.argv = ["report.py", str(results), str(out)]
        report.main()
    finally:
        sys.argv = argv
    return out.read_text()


def test_phase_8_is_reported_and_other_sections_are_kept(tmp_path):
    out = tmp_path / "benchmarks.md"
    out.write_text("# Benchmarks\n\nWritten on 2026-12-01 10:00 UTC.\n\n## 7. Forum: 200 registrations at once\n\n"
                   "Forum text.\n\n## Machine\n\n- x\n")
    text = _run(_report(), _results(tmp_path), out)
    assert "## 8. Radars: the picture and the list of 150 blips" in text
    assert "**met**" in text and "40.0 ms (median of 9)" in text and "p50 90.1 ms" in text
    assert "10,000 rows → 10,000 blips" in text
    assert "## 7. Forum" in text and "_Kept from the run of 2026-12-01 10:00 UTC" in text


def test_a_missed_target_says_so(tmp_path):
    text = _run(_report(), _results(tmp_path, total_s=6.5), tmp_path / "benchmarks.md")
    assert "**MISSED**" in text and "| MISSED |" in text
