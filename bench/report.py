"""Turn the wrk results of scripts/bench.sh into a table (stdout) and docs/benchmarks.md.

Usage: report.py RESULTS_DIR OUT_FILE
RESULTS_DIR holds endpoints.tsv (label<TAB>path<TAB>status<TAB>bytes), <label>.wrk (wrk output with
the BENCH line of wrk_report.lua) and facts.env (KEY=VALUE lines written by bench.sh).
"""

import re
import sys
from datetime import datetime, timezone
from pathlib import Path

TRIVIAL = "trivial"
TARGETED = ("home", "module")  # must reach half of the trivial view's req/s with p99 < 100 ms
P99_LIMIT_MS = 100.0
SHARE = 0.5


def parse_wrk(text: str) -> dict:
    match = re.search(r"^BENCH (.*)$", text, re.M)
    if not match:
        raise SystemExit("wrk output has no BENCH line:\n" + text)
    raw = dict(item.split("=", 1) for item in match.group(1).split())
    n = {k: int(v) for k, v in raw.items()}
    errors = n["err_connect"] + n["err_read"] + n["err_write"] + n["err_timeout"] + n["err_status"]
    return {
        "requests": n["requests"],
        "rps": n["requests"] / (n["duration_us"] / 1e6),
        "p50": n["p50_us"] / 1000,
        "p90": n["p90_us"] / 1000,
        "p99": n["p99_us"] / 1000,
        "max": n["max_us"] / 1000,
        "errors": errors,
        "errors_detail": {k[4:]: v for k, v in n.items() if k.startswith("err_") and v},
    }


def main() -> None:
    results, out = Path(sys.argv[1]), Path(sys.argv[2])
    facts = dict(
        line.split("=", 1) for line in (results / "facts.env").read_text().splitlines() if "=" in line
    )
    rows = []
    for line in (results / "endpoints.tsv").read_text().splitlines():
        label, path, status, size = line.split("\t")
        rows.append({"label": label, "path": path, "status": status, "bytes": int(size),
                     **parse_wrk((results / f"{label}.wrk").read_text())})
    trivial_rps = next(r["rps"] for r in rows if r["label"] == TRIVIAL)

    verdicts = []
    for row in rows:
        share = row["rps"] / trivial_rps
        row["share"] = f"{share:.0%}"
        if row["label"] in TARGETED:
            ok = share >= SHARE and row["p99"] < P99_LIMIT_MS and row["errors"] == 0
            row["target"] = "met" if ok else "MISSED"
            verdicts.append((row, ok))
        else:
            row["target"] = "—" if row["label"] != TRIVIAL else "baseline"

    headers = ["page", "path", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "vs trivial", "target"]
    table = [
        [r["label"], r["path"], f"{r['rps']:,.0f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}", f"{r['max']:.1f}",
         str(r["errors"]) + (" " + str(r["errors_detail"]) if r["errors"] else ""), r["share"], r["target"]]
        for r in rows
    ]
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(headers)]
    text_table = "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths)) for line in [headers, *table]
    )
    print(text_table)
    all_met = all(ok for _, ok in verdicts)
    summary = (
        f"Target (home and module page: at least {SHARE:.0%} of the trivial view's req/s, "
        f"p99 under {P99_LIMIT_MS:.0f} ms, no errors): " + ("MET" if all_met else "MISSED")
    )
    print(summary)

    submission_md = ""
    submission_file = results / "submission.json"
    if submission_file.exists():
        import json

        sub = json.loads(submission_file.read_text())
        share = sub["requests_per_s"] / trivial_rps
        line = (
            f"Full submissions: {sub['submissions']} in {sub['seconds']} s with {sub['concurrency']} at a time "
            f"({sub['submissions_per_s']}/s; {sub['requests']} requests, {sub['requests_per_s']} req/s = {share:.0%} "
            f"of the trivial view); per submission p50 {sub['p50_s']} s, p99 {sub['p99_s']} s; errors: {sub['errors']}"
        )
        print(line)
        examples = "".join(f"\n  - {e}" for e in sub.get("error_examples", []))
        submission_md = f"""
## A full application, submitted

Each of {sub['submissions'] + sub['errors']} signed-in applicants does what a browser does: the call page, "start",
every step page (GET) and its form (POST) — the CV step uploads a {sub['pdf_bytes'] / 1e6:.1f} MB PDF —, the review
page, "submit", the status page: {sub['requests'] // max(sub['submissions'], 1)} requests each,
{sub['concurrency']} applicants at a time (`bench/submit_load.py`).

| submissions | errors | seconds | submissions/s | requests | req/s | vs trivial | p50 per submission | p99 per submission |
|---|---|---|---|---|---|---|---|---|
| {sub['submissions']} | {sub['errors']} | {sub['seconds']} | {sub['submissions_per_s']} | {sub['requests']} | {sub['requests_per_s']} | {share:.0%} | {sub['p50_s']} s | {sub['p99_s']} s |
{examples}
"""

    md_table = "\n".join(
        ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        + ["| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |" for line in table]
    )
    responses = "\n".join(f"  - `{r['path']}`: HTTP {r['status']}, {r['bytes']:,} bytes" for r in rows)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(f"""# Benchmarks

Written by `make bench` (`scripts/bench.sh`, code in `bench/`) on {now}. Do not edit by hand: run it again.

## Result

{md_table}

**{summary}.**

`step-about` and `step-cluster` are application step pages (GET) of a signed-in applicant with a draft:
rendered on every request.
{submission_md}
"vs trivial" is the page's req/s as a share of the trivial view's (`/__bench__/trivial/`, a bare
`HttpResponse` behind the full middleware stack): the cost of the page itself on this machine.

## How it was measured

- gunicorn {facts.get('GUNICORN', '?')}, {facts.get('WORKERS', '?')} sync workers, `--no-control-socket`,
  `DEBUG=0`, on 127.0.0.1; URLconf `campus.core.bench_urls` (the normal site plus the trivial view).
- A fresh SQLite database in a temporary `CAMPUS_VAR_DIR`: `migrate`, `collectstatic`, `load_seed_edition`.
  Default cache (per-process memory, `LocMemCache`); no `REDIS_URL`.
- {facts.get('WRK', 'wrk')}: `wrk -t{facts.get('THREADS')} -c{facts.get('CONNECTIONS')} -d{facts.get('DURATION')}`
  per page after a {facts.get('WARMUP')} warm-up, one page after the other, anonymous GETs served from the page cache, except `home-rendered`, which sends a session cookie and so is rendered on every request (templates and queries);
  latency percentiles from wrk's histogram (`bench/wrk_report.lua`).
  wrk runs on the same machine and takes CPU from the server, as it did for the reference figures in DESIGN.md.
- Responses checked before measuring:
{responses}

## Machine

- CPUs (nproc): {facts.get('NPROC', '?')} — {facts.get('CPU', '?')}
- Load average (1, 5, 15 min) before the run: {facts.get('LOAD_BEFORE', '?')}; after: {facts.get('LOAD_AFTER', '?')}
  (wrk and gunicorn share these CPUs; anything else running skews the figures)
- Kernel: {facts.get('KERNEL', '?')}
- Python {facts.get('PYTHON', '?')}, Django {facts.get('DJANGO', '?')}
- Date: {now}
""")
    print(f"Wrote {out}")


if __name__ == "__main__":
    main()
