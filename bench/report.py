"""Turn the results of scripts/bench.sh into tables (stdout) and docs/benchmarks.md.

Usage: report.py RESULTS_DIR OUT_FILE
RESULTS_DIR holds facts.env (KEY=VALUE lines about the machine and the run) and one folder per phase
(e.g. 1-sqlite, 2-postgres), each with phase.env (TITLE, SETUP, INSTANCES, WORKERS, DURATION, WARMUP),
endpoints.tsv (label<TAB>path<TAB>status<TAB>bytes), <label>.wrk (wrk output with the BENCH line of
wrk_report.lua), submission.json (bench/submit_load.py), submitted_in_db.txt (bench/count_submitted.py)
and rss.json (bench/rss_sample.py).
"""

import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

TRIVIAL = "trivial"
TARGETED = ("home", "module")  # must reach half of the trivial view's req/s with p99 < 100 ms
P99_LIMIT_MS = 100.0
SHARE = 0.5
RSS_LIMIT_MB = 150.0  # peak resident memory per gunicorn worker
HEADERS = ["page", "path", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "vs trivial", "target"]


def read_env(path: Path) -> dict:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


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


def load_phase(folder: Path) -> dict:
    env = read_env(folder / "phase.env")
    rows = []
    for line in (folder / "endpoints.tsv").read_text().splitlines():
        label, path, status, size = line.split("\t")
        rows.append({"label": label, "path": path, "status": status, "bytes": int(size),
                     **parse_wrk((folder / f"{label}.wrk").read_text())})
    trivial_rps = next(r["rps"] for r in rows if r["label"] == TRIVIAL)
    verdicts = []
    for row in rows:
        share = row["rps"] / trivial_rps
        row["share"] = f"{share:.0%}"
        if row["label"] in TARGETED:
            ok = share >= SHARE and row["p99"] < P99_LIMIT_MS and row["errors"] == 0
            row["target"] = "met" if ok else "MISSED"
            verdicts.append(ok)
        else:
            row["target"] = "—" if row["label"] != TRIVIAL else "baseline"
    table = [
        [r["label"], r["path"], f"{r['rps']:,.0f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}", f"{r['max']:.1f}",
         str(r["errors"]) + (" " + str(r["errors_detail"]) if r["errors"] else ""), r["share"], r["target"]]
        for r in rows
    ]
    phase = {"name": folder.name, "env": env, "rows": rows, "table": table, "trivial_rps": trivial_rps,
             "pages_met": all(verdicts), "sub": None, "rss": None}
    if (folder / "submission.json").exists():
        sub = json.loads((folder / "submission.json").read_text())
        in_db = int((folder / "submitted_in_db.txt").read_text().strip())
        sub["in_db"] = in_db
        sub["lost"] = sub["submissions"] - in_db  # answered "submitted" to the browser, yet not in the database
        sub["share"] = sub["requests_per_s"] / trivial_rps
        sub["ok"] = sub["lost"] == 0 and sub["errors"] == 0 and in_db == sub["submissions"]
        phase["sub"] = sub
    if (folder / "rss.json").exists():
        rss = json.loads((folder / "rss.json").read_text())
        rss["peak_mb"] = rss["peak_kb"] / 1024
        rss["ok"] = bool(rss["workers"]) and rss["peak_mb"] < RSS_LIMIT_MB
        phase["rss"] = rss
    return phase


def text_table(table: list) -> str:
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(HEADERS)]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths)) for line in [HEADERS, *table])


def md_table(headers: list, table: list) -> str:
    return "\n".join(
        ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        + ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in line) + " |" for line in table]
    )


def pages_summary(phase: dict) -> str:
    return (f"Target (home and module page: at least {SHARE:.0%} of the trivial view's req/s, "
            f"p99 under {P99_LIMIT_MS:.0f} ms, no errors): " + ("MET" if phase["pages_met"] else "MISSED"))


def sub_line(sub: dict) -> str:
    return (f"Full submissions: {sub['submissions']} successful of {sub['submissions'] + sub['errors']} in {sub['seconds']} s, "
            f"{sub['concurrency']} at a time ({sub['submissions_per_s']}/s; {sub['requests']} requests, "
            f"{sub['requests_per_s']} req/s = {sub['share']:.0%} of the trivial view); per submission p50 {sub['p50_s']} s, "
            f"p99 {sub['p99_s']} s; errors: {sub['errors']}; submitted in the database: {sub['in_db']}; "
            f"lost: {sub['lost']} -> " + ("OK" if sub["ok"] else "FAILED"))


def rss_line(rss: dict) -> str:
    return (f"Peak RSS per gunicorn worker: {rss['peak_mb']:.1f} MB ({len(rss['workers'])} worker processes, "
            f"{rss['samples']} samples) -> " + (f"under {RSS_LIMIT_MB:.0f} MB" if rss["ok"] else f"OVER {RSS_LIMIT_MB:.0f} MB"))


def phase_md(number: int, phase: dict) -> str:
    env, sub, rss = phase["env"], phase["sub"], phase["rss"]
    parts = [f"## {number}. {env.get('TITLE', phase['name'])}\n",
             f"{env.get('SETUP', '')}. wrk: {env.get('DURATION')} per page after a {env.get('WARMUP')} warm-up.\n",
             md_table(HEADERS, phase["table"]), f"\n**{pages_summary(phase)}.**\n"]
    if sub:
        examples = "".join(f"\n  - {e}" for e in sub.get("error_examples", []))
        parts.append(md_table(
            ["submissions tried", "successful", "errors", "submitted in DB", "lost", "seconds", "submissions/s",
             "req/s", "vs trivial", "p50 per submission", "p99 per submission", "verdict"],
            [[sub["submissions"] + sub["errors"], sub["submissions"], sub["errors"], sub["in_db"], sub["lost"],
              sub["seconds"], sub["submissions_per_s"], sub["requests_per_s"], f"{sub['share']:.0%}",
              f"{sub['p50_s']} s", f"{sub['p99_s']} s", "OK" if sub["ok"] else "**FAILED**"]]) + examples + "\n")
    if rss:
        per_worker = ", ".join(f"{kb / 1024:.1f}" for kb in rss["workers"].values())
        parts.append(f"Peak RSS per gunicorn worker (`ps -o rss` every {rss['interval_s']} s, {rss['samples']} samples, "
                     f"from the start of the page measurements to the end of the submissions): "
                     f"**{rss['peak_mb']:.1f} MB** — "
                     + (f"under {RSS_LIMIT_MB:.0f} MB" if rss["ok"] else f"**OVER {RSS_LIMIT_MB:.0f} MB**")
                     + f". Per worker process (MB): {per_worker}.\n")
    responses = "\n".join(f"  - `{r['path']}`: HTTP {r['status']}, {r['bytes']:,} bytes" for r in phase["rows"])
    parts.append(f"Responses checked before measuring:\n{responses}\n")
    return "\n".join(parts)


def main() -> None:
    results, out = Path(sys.argv[1]), Path(sys.argv[2])
    facts = read_env(results / "facts.env")
    phases = [load_phase(p) for p in sorted(results.iterdir()) if (p / "phase.env").exists()]
    if not phases:
        raise SystemExit(f"no phase results in {results}")

    for number, phase in enumerate(phases, 1):
        print(f"== {number}. {phase['env'].get('TITLE', phase['name'])}")
        print(text_table(phase["table"]))
        print(pages_summary(phase))
        if phase["sub"]:
            print(sub_line(phase["sub"]))
        if phase["rss"]:
            print(rss_line(phase["rss"]))
        print()

    overview = []
    for number, phase in enumerate(phases, 1):
        rows = {r["label"]: r for r in phase["rows"]}
        sub, rss = phase["sub"], phase["rss"]
        overview.append([
            f"{number}. {phase['env'].get('TITLE', phase['name'])}",
            f"{phase['trivial_rps']:,.0f}",
            *(f"{rows[label]['rps']:,.0f} / {rows[label]['p99']:.0f} ms" if label in rows else "—"
              for label in ("home", "module", "step-about")),
            "MET" if phase["pages_met"] else "MISSED",
            (f"{sub['submissions']} ok, {sub['errors']} errors, {sub['in_db']} in DB, lost {sub['lost']}"
             + ("" if sub["ok"] else " — FAILED")) if sub else "—",
            (f"{rss['peak_mb']:.0f} MB " + ("(< 150)" if rss["ok"] else "— OVER 150")) if rss else "—",
        ])
    overview_md = md_table(["set-up", "trivial req/s", "home req/s / p99", "module req/s / p99",
                            "step-about req/s / p99", "page target", "submissions", "peak RSS/worker"], overview)

    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out.parent.mkdir(parents=True, exist_ok=True)
    sections = "\n".join(phase_md(n, p) for n, p in enumerate(phases, 1))
    out.write_text(f"""# Benchmarks

Written by `make bench` (`scripts/bench.sh`, code in `bench/`) on {now}. Do not edit by hand: run it again.

## Summary

{overview_md}

Every phase is measured the same way, with {facts.get('CONNECTIONS')} concurrent clients
(`wrk -t{facts.get('THREADS')} -c{facts.get('CONNECTIONS')}`), one page after the other, each after a warm-up;
latency percentiles from wrk's histogram (`bench/wrk_report.lua`). "vs trivial" is the page's req/s as a share of
the trivial view's in the same phase (`/__bench__/trivial/`, a bare `HttpResponse` behind the full middleware
stack; URLconf `campus.core.bench_urls`): the cost of the page itself on this machine and set-up.
Page target: home and module page at least {SHARE:.0%} of the trivial view's req/s, p99 under
{P99_LIMIT_MS:.0f} ms, no errors.

- Pages: anonymous GETs served from the page cache, except `home-rendered`, which sends a session cookie and
  so is rendered on every request (templates and queries); `step-about` and `step-cluster` are application
  step pages (GET) of a signed-in applicant with a draft: rendered on every request.
- Full submissions (`bench/submit_load.py`): each of {facts.get('SUBMISSIONS')} signed-in applicants does what a
  browser does — the call page, "start", every step page (GET) and its form (POST; the CV step uploads a 1 MB
  PDF), the review page, "submit", the status page: 17 requests —, {facts.get('SUBMIT_CONCURRENCY')} applicants
  at a time. Afterwards the submitted applications of these applicants are counted in the database
  (`bench/count_submitted.py`): "lost" = successful submissions − submitted in the database, and must be 0,
  like the errors.
- Peak RSS: `ps -o rss` of every gunicorn worker process (the masters' children) every 0.5 s during the phase
  (`bench/rss_sample.py`); the highest value of any worker, against a limit of {RSS_LIMIT_MB:.0f} MB (MB = 1024 KiB).
- wrk's errors include its own 2 s client timeout (`timeout`): a response slower than 2 s counts as an error
  there, whatever the server does.
- wrk and the load generator run on the same machine and take CPU from the servers.

{sections}
## Machine

- CPUs (nproc): {facts.get('NPROC', '?')} — {facts.get('CPU', '?')}; memory {facts.get('MEM', '?')}
- Load average (1, 5, 15 min) before the run: {facts.get('LOAD_BEFORE', '?')}; after: {facts.get('LOAD_AFTER', '?')}
  (wrk, the servers, PostgreSQL and Redis share these CPUs; anything else running skews the figures)
- Kernel: {facts.get('KERNEL', '?')}
- Python {facts.get('PYTHON', '?')}, Django {facts.get('DJANGO', '?')}, gunicorn {facts.get('GUNICORN', '?')},
  nginx {facts.get('NGINX', '?')}, {facts.get('WRK', 'wrk')}
- Date: {now}
""")
    print(f"Wrote {out}")


if __name__ == "__main__":
    main()
