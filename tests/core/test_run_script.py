"""`make run`'s script (scripts/run.sh) on a fresh var folder (issue 11): one line per stage, no migration lines
nor request logs, one block at the end with the address and the staff login, and Ctrl+C stops it cleanly."""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_run_script_says_what_it_does_and_stops_cleanly_on_ctrl_c(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL")}
    env.update(PORT=str(port), CAMPUS_VAR_DIR=str(tmp_path / "var"), CAMPUS_ADMIN_EMAIL="team@example.org",
               CAMPUS_ADMIN_PASSWORD="a-long-enough-password-1")
    process = subprocess.Popen(["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines = []
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Press Ctrl+C to stop." in line:
                break
        output = "".join(lines)
        assert "Press Ctrl+C to stop." in output, output
        assert f"http://127.0.0.1:{port}/" in output and "team@example.org" in output and "mail" in output
        for _ in range(300):  # the server answers (a loaded machine: up to a minute)
            try:
                socket.create_connection(("127.0.0.1", port), 1).close()
                break
            except OSError:
                time.sleep(0.2)
        import urllib.request

        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=90).status == 200
        time.sleep(1)
        os.killpg(process.pid, signal.SIGINT)  # what the terminal does on Ctrl+C: the whole group
        rest, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    output += rest
    assert process.returncode == 0, output
    assert "Applying" not in output, "migration lines"
    assert "Traceback" not in output, output
    assert '"GET / HTTP' not in output and "GET /" not in output, "request log lines"
    stages = [line for line in output.splitlines() if line.startswith("==> ")]
    assert len(stages) >= 5, output
