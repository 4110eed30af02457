"""When both database passes run, each browser test runs in one of them (scripts/test.sh sets CAMPUS_E2E_SHARE:
the sweeps on SQLite, the journeys on PostgreSQL; tests/e2e/conftest.py): together the two shares are every
browser test, none is in both, and neither is empty. Collected for real, as each pass collects."""

import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import SWEEPS

ROOT = Path(__file__).resolve().parent.parent


def collected(share: str | None) -> set[str]:
    env = {key: value for key, value in os.environ.items() if key != "CAMPUS_E2E_SHARE"}
    if share is not None:
        env["CAMPUS_E2E_SHARE"] = share
    result = subprocess.run([sys.executable, "-m", "pytest", "tests/e2e", "--collect-only", "-q", "-p", "no:cacheprovider"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return {line for line in result.stdout.splitlines() if "::" in line}


def test_each_browser_test_runs_in_exactly_one_pass():
    every, sweeps, journeys = collected(None), collected("sweeps"), collected("journeys")
    assert len(every) > 100
    assert sweeps and journeys and not sweeps & journeys
    assert sweeps | journeys == every
    assert {line.split("::")[0].rsplit("/", 1)[-1] for line in sweeps} == SWEEPS  # every sweep file exists


def test_an_unknown_share_is_refused():
    env = {**os.environ, "CAMPUS_E2E_SHARE": "half"}
    result = subprocess.run([sys.executable, "-m", "pytest", "tests/e2e", "--collect-only", "-q", "-p", "no:cacheprovider"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "CAMPUS_E2E_SHARE must be one of" in result.stdout + result.stderr
