"""bench/report.py with phase-5 (coaching) results: bench/coaching_generate.py's own output, its table and
verdict (a round of 250 participants under 2 s)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_coaching_phase_is_measured_and_reported(tmp_path):
    results = tmp_path / "results"
    results.mkdir()
    (results / "facts.env").write_text("NPROC=2\nCONNECTIONS=50\nTHREADS=2\n")
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "coaching_generate.py"), str(results / "5-coaching"),
                          "1"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "coaching round 4: 250 participants" in run.stdout and "met" in run.stdout
    spec = importlib.util.spec_from_file_location("bench_report", ROOT / "bench" / "report.py")
    report = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(report)
    out = tmp_path / "benchmarks.md"
    sys_argv = sys.argv
    try:
        sys.argv = ["report.py", str(results), str(out)]
        report.main()
    finally:
        sys.argv = sys_argv
    text = out.read_text()
    assert "## 5. Coaching: generating the groups" in text
    assert "for 250 participants in under 2 s — **met**" in text
    assert "| 4 | 250 | 82×3 + 1×4 | 0 |" in text
