"""Sample the resident memory (RSS) of every gunicorn worker while a bench phase runs.

Usage: python bench/rss_sample.py OUT_JSON MASTER_PID...
Every ~0.5 s it runs `ps -o pid=,rss= --ppid MASTER,...` (the workers are the masters' children, so a
worker that gunicorn replaces is picked up too) and keeps each worker's peak. On SIGTERM/SIGINT it writes
OUT_JSON: {"interval_s", "samples", "masters", "workers": {pid: peak_kb}, "peak_kb", "peak_pid"}.
"""

import json
import signal
import subprocess
import sys
import time

INTERVAL = 0.5


def main() -> None:
    out, masters = sys.argv[1], [int(p) for p in sys.argv[2:]]
    peaks: dict[int, int] = {}
    samples = 0
    running = True

    def stop(*_):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    ppids = ",".join(str(p) for p in masters)
    while running:
        started = time.monotonic()
        result = subprocess.run(["ps", "-o", "pid=,rss=", "--ppid", ppids], capture_output=True, text=True)
        for line in result.stdout.splitlines():
            pid, rss = (int(x) for x in line.split())
            peaks[pid] = max(peaks.get(pid, 0), rss)
        samples += 1
        time.sleep(max(0.0, INTERVAL - (time.monotonic() - started)))
    peak_pid = max(peaks, key=peaks.get) if peaks else None
    with open(out, "w") as f:
        json.dump({"interval_s": INTERVAL, "samples": samples, "masters": masters,
                   "workers": {str(k): v for k, v in sorted(peaks.items())},
                   "peak_kb": peaks.get(peak_pid, 0), "peak_pid": peak_pid}, f, indent=2)


if __name__ == "__main__":
    main()
