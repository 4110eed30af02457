"""bench/report.py with phase-3 (admissions) results: its table, its verdicts, and the sections of phases not
run this time kept from the previous docs/benchmarks.md (`BENCH_PHASES=3 make bench`)."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def report():
    spec = importlib.util.spec_from_file_location("bench_report", ROOT / "bench" / "report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrk(p50_ms, errors=0):
    return ("Running 10s test\n"
            f"BENCH requests=40 duration_us=10000000 p50_us={p50_ms * 1000} p90_us={p50_ms * 1100} "
            f"p99_us={p50_ms * 1200} max_us={p50_ms * 1300} err_connect=0 err_read=0 err_write=0 "
            f"err_timeout={errors} err_status=0\n")


def admissions_results(tmp_path, *, p50=120, total_s=12.5):
    results = tmp_path / "results"
    folder = results / "3-admissions-sqlite"
    folder.mkdir(parents=True)
    (results / "facts.env").write_text("NPROC=2\nCONNECTIONS=50\nTHREADS=2\nSUBMISSIONS=200\nSUBMIT_CONCURRENCY=50\n")
    (folder / "phase.env").write_text("KIND=admissions\nDB=sqlite\nTITLE=Admissions, SQLite\nSETUP=SQLite\n"
                                      "CONNECTIONS=2\nDURATION=10s\nWARMUP=2s\n")
    (folder / "prepare.json").write_text(json.dumps({
        "call_id": 1, "call": "Call", "edition": "2027", "capacity": 20, "applications": 5000, "reviews": 10000,
        "scores": 40000, "reviewers": 10, "criteria": 4, "countries": ["DE", "FI"], "seconds": 2.0}))
    (folder / "endpoints.tsv").write_text("board\t/staff/admissions/1/\t200\t80000\t101\n"
                                          "board-country\t/staff/admissions/1/?country=FI\t200\t80000\t101\n")
    (folder / "board.wrk").write_text(wrk(p50))
    (folder / "board-country.wrk").write_text(wrk(50))
    (folder / "board_cpu.json").write_text(json.dumps({"board": {"cpu_ms": 97.4, "wall_ms": 99.0, "requests": 20}}))
    (folder / "release.json").write_text(json.dumps({
        "decisions": 500, "old_capacity": 20, "capacity": 500, "offers": 500, "waitlisted": 0, "rejected": 0,
        "offers_in_db": 500, "letters": 500, "mail_drafts": 500, "letter_kb_avg": 31.8, "stage_s": 0.4,
        "release_s": 1.5, "letters_s": total_s - 1.5, "total_s": total_s, "per_letter_ms": 22.0,
        "per_decision_ms": 25.0, "database": "sqlite", "ok": True}))
    return results


OLD = """# Benchmarks

Written by `make bench` (`scripts/bench.sh`, code in `bench/`) on 2026-01-02 03:04 UTC. Do not edit by hand.

## Summary

| set-up | trivial req/s | home req/s / p99 | module req/s / p99 | step-about req/s / p99 | page target | submissions | peak RSS/worker |
|---|---|---|---|---|---|---|---|
| 1. SQLite, one instance | 4,458 | 3,585 / 23 ms | 3,583 / 23 ms | 134 / 609 ms | MET | 200 ok | 100 MB (< 150) |

## 1. SQLite, one instance

gunicorn, 2 sync workers.

| page | path |
|---|---|
| trivial | /__bench__/trivial/ |

## Machine

- old machine
"""


def run(report, monkeypatch, results, out):
    monkeypatch.setattr("sys.argv", ["report.py", str(results), str(out)])
    report.main()
    return out.read_text()


def test_phase_3_alone_keeps_the_other_sections(report, monkeypatch, tmp_path):
    out = tmp_path / "benchmarks.md"
    out.write_text(OLD)
    text = run(report, monkeypatch, admissions_results(tmp_path), out)
    assert "| 1. SQLite, one instance | 4,458 |" in text
    assert "## 1. SQLite, one instance" in text and "| trivial | /__bench__/trivial/ |" in text
    assert "_Kept from the run of 2026-01-02 03:04 UTC: this phase was not run this time._" in text
    assert "## 3. Admissions at scale" in text and "### Admissions, SQLite" in text
    assert "| 3. Admissions, SQLite | 120 / 144 ms |" in text
    assert "| board | /staff/admissions/1/ | 80,000 | 101 | 4.0 | 120.0 | 132.0 | 144.0 | 156.0 | 0 | met | 97 |" in text
    assert "| board-country | /staff/admissions/1/?country=FI |" in text and "| met | — |" in text
    assert "old machine" not in text  # the machine section is this run's
    assert text.index("## 1.") < text.index("## 3.") < text.index("## Machine")
    # a second partial run keeps the first date and does not mark twice
    again = run(report, monkeypatch, admissions_results(tmp_path / "again"), out)
    assert again.count("_Kept from the run of 2026-01-02 03:04 UTC") == 1
    assert "Section 1 (and its summary rows) is kept from the run of 2026-01-02 03:04 UTC" in again


@pytest.mark.parametrize("p50, total_s, board, release", [(120, 12.5, "MET", "MET"), (350, 12.5, "MISSED", "MET"),
                                                          (120, 31.0, "MET", "MISSED")])
def test_verdicts(report, monkeypatch, tmp_path, capsys, p50, total_s, board, release):
    run(report, monkeypatch, admissions_results(tmp_path, p50=p50, total_s=total_s), tmp_path / "b.md")
    printed = capsys.readouterr().out
    assert f"no errors): {board}" in printed
    assert f"target under 30 s: {release}" in printed


def page_results(tmp_path, name, *, trivial_rps, home_rps, home_p99_ms):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "phase.env").write_text(f"TITLE={name}\nSETUP=test\n")
    rows = [("trivial", "/__bench__/trivial/", trivial_rps, 10), ("home", "/", home_rps, home_p99_ms),
            ("module", "/modules/3/", home_rps, home_p99_ms)]
    (folder / "endpoints.tsv").write_text("".join(f"{label}\t{path}\t200\t100\n" for label, path, _r, _p in rows))
    for label, _path, rps, p99 in rows:
        (folder / f"{label}.wrk").write_text(
            f"BENCH requests={rps * 10} duration_us=10000000 p50_us={p99 * 500} p90_us={p99 * 800} "
            f"p99_us={p99 * 1000} max_us={p99 * 1100} err_connect=0 err_read=0 err_write=0 err_timeout=0 err_status=0\n")
    return folder


@pytest.mark.parametrize("share, p99, phase1, phase2", [
    (0.55, 90, True, False),  # phase 1: 50 % and 100 ms; phase 2 (issue 10): 60 % and 150 ms
    (0.65, 140, False, True),
    (0.65, 90, True, True),
    (0.59, 149, False, False),
])
def test_phase_2_is_judged_by_its_own_target(report, tmp_path, share, p99, phase1, phase2):
    for name, expected in (("1-sqlite", phase1), ("2-postgres", phase2)):
        phase = report.load_phase(page_results(tmp_path, name, trivial_rps=1000, home_rps=int(1000 * share),
                                               home_p99_ms=p99))
        assert phase["pages_met"] is expected, name
        summary = report.pages_summary(phase)
        assert ("at least 60% of the trivial view's req/s, p99 under 150 ms" in summary) is (name == "2-postgres")
        assert ("MET" if expected else "MISSED") in summary.split(". Signed-in")[0]
