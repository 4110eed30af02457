"""Turn the results of scripts/bench.sh into tables (stdout) and docs/benchmarks.md.

Usage: report.py RESULTS_DIR OUT_FILE
RESULTS_DIR holds facts.env (KEY=VALUE lines about the machine and the run) and one folder per phase
(e.g. 1-sqlite, 2-postgres), each with phase.env (TITLE, SETUP, INSTANCES, WORKERS, DURATION, WARMUP),
endpoints.tsv (label<TAB>path<TAB>status<TAB>bytes), <label>.wrk (wrk output with the BENCH line of
wrk_report.lua), submission.json (bench/submit_load.py), submitted_in_db.txt (bench/count_submitted.py)
and rss.json (bench/rss_sample.py).
Phases 4 to 9 (KIND=attendance, coaching, booklet, forum, radars, editions in phase.env) hold their scripts' JSON files.
An admissions folder (phase 3: 3-admissions-sqlite, 3-admissions-postgres; KIND=admissions in phase.env)
holds prepare.json (bench/admissions_prepare.py), endpoints.tsv (label, path, status, bytes, table rows),
<label>.wrk per board page and release.json (bench/admissions_release.py).

Sections of phases that are not in RESULTS_DIR (e.g. `BENCH_PHASES=3 make bench`) are kept from the existing
OUT_FILE, with their rows of the summary, and marked with the date of the run they come from.
"""

import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/: also when imported by path (tests/bench)
from report_forum import FORUM_HEADERS, forum_md, load_forum  # noqa: E402
from report_editions import EDITIONS_HEADERS, editions_md, load_editions  # noqa: E402
from report_radars import RADAR_HEADERS, load_radars, radars_md  # noqa: E402

TRIVIAL = "trivial"
# must reach half of the trivial view's req/s with p99 < 100 ms (verify: a certificate's public page and its JSON)
TARGETED = ("home", "module", "verify", "verify-json")
CERTIFICATE_PDFS_LIMIT_S = 3.0  # 25 certificate PDFs in one go (issue 12; bench/certificates_prepare.py)
P99_LIMIT_MS = 100.0
SHARE = 0.5
# Phase 2 (PostgreSQL + Redis, nginx, two instances) has its own (issue 10): at least 60 %, p99 under 150 ms
PHASE_TARGETS = {2: (0.6, 150.0)}
# Signed-in pages, rendered on every request (issue 10): at least 17 % of the trivial view's req/s, p99 < 150 ms
SIGNED_IN = ("step-about", "step-cluster", "status", "home-signed-in")
SIGNED_IN_SHARE = 0.17
SIGNED_IN_P99_MS = 150.0
RSS_LIMIT_MB = 150.0  # peak resident memory per gunicorn worker
HEADERS = ["page", "path", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "vs trivial", "target"]
BOARD_P50_LIMIT_MS = 300.0  # the ranking board of 5,000 applications (issue 4)
RELEASE_LIMIT_S = 30.0  # the release of 500 decisions with their letters (issue 4)
ATTENDANCE_P50_LIMIT_MS = 300.0  # the roll call of a meetup session with 250 participants (issue 12)
COACHING_LIMIT_S = 2.0  # generating the coaching groups of 250 participants, one round (issue 12)
BOOKLET_PDF_LIMITS_S = {25: 2.0, 250: 15.0}  # the booklet PDF with photos (issue 13; bench/booklet_pdf.py)
BOARD_HEADERS = ["page", "path", "bytes", "table rows", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors",
                 "target", "CPU ms/request"]


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


def page_target(number: int) -> tuple[float, float]:
    """(share of the trivial view's req/s, p99 limit in ms) for the targeted pages of page phase ``number``."""
    return PHASE_TARGETS.get(number, (SHARE, P99_LIMIT_MS))


def load_phase(folder: Path) -> dict:
    env = read_env(folder / "phase.env")
    rows = []
    for line in (folder / "endpoints.tsv").read_text().splitlines():
        label, path, status, size = line.split("\t")
        rows.append({"label": label, "path": path, "status": status, "bytes": int(size),
                     **parse_wrk((folder / f"{label}.wrk").read_text())})
    trivial_rps = next(r["rps"] for r in rows if r["label"] == TRIVIAL)
    page_share, page_p99 = page_target(int(folder.name.split("-", 1)[0]))
    verdicts, signed_in = [], []
    for row in rows:
        share = row["rps"] / trivial_rps
        row["share"] = f"{share:.0%}"
        if row["label"] in TARGETED:
            ok = share >= page_share and row["p99"] < page_p99 and row["errors"] == 0
            row["target"] = "met" if ok else "MISSED"
            verdicts.append(ok)
        elif row["label"] in SIGNED_IN:
            ok = share >= SIGNED_IN_SHARE and row["p99"] < SIGNED_IN_P99_MS and row["errors"] == 0
            row["target"] = ("met" if ok else "MISSED") + f" (≥ {SIGNED_IN_SHARE:.0%})"
            signed_in.append(ok)
        else:
            row["target"] = "—" if row["label"] != TRIVIAL else "baseline"
    table = [
        [r["label"], r["path"], f"{r['rps']:,.0f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}", f"{r['max']:.1f}",
         str(r["errors"]) + (" " + str(r["errors_detail"]) if r["errors"] else ""), r["share"], r["target"]]
        for r in rows
    ]
    phase = {"name": folder.name, "env": env, "rows": rows, "table": table, "trivial_rps": trivial_rps,
             "page_share": page_share, "page_p99": page_p99,
             "pages_met": all(verdicts), "signed_in_met": bool(signed_in) and all(signed_in), "sub": None, "rss": None}
    if (folder / "submission.json").exists():
        sub = json.loads((folder / "submission.json").read_text())
        in_db = int((folder / "submitted_in_db.txt").read_text().strip())
        sub["in_db"] = in_db
        sub["lost"] = sub["submissions"] - in_db  # answered "submitted" to the browser, yet not in the database
        sub["share"] = sub["requests_per_s"] / trivial_rps
        sub["ok"] = sub["lost"] == 0 and sub["errors"] == 0 and in_db == sub["submissions"]
        phase["sub"] = sub
    phase["certificates"] = None
    if (folder / "certificates.json").exists():
        phase["certificates"] = json.loads((folder / "certificates.json").read_text())
    if (folder / "rss.json").exists():
        rss = json.loads((folder / "rss.json").read_text())
        rss["peak_mb"] = rss["peak_kb"] / 1024
        rss["ok"] = bool(rss["workers"]) and rss["peak_mb"] < RSS_LIMIT_MB
        phase["rss"] = rss
    return phase


def load_admissions(folder: Path) -> dict:
    env = read_env(folder / "phase.env")
    prepare = json.loads((folder / "prepare.json").read_text())
    cpu = json.loads((folder / "board_cpu.json").read_text()) if (folder / "board_cpu.json").exists() else {}
    rows = []
    for line in (folder / "endpoints.tsv").read_text().splitlines():
        label, path, status, size, n_rows = line.split("\t")
        row = {"label": label, "path": path, "status": status, "bytes": int(size), "table_rows": int(n_rows),
               **parse_wrk((folder / f"{label}.wrk").read_text())}
        row["ok"] = row["p50"] < BOARD_P50_LIMIT_MS and row["errors"] == 0
        row["cpu_ms"] = cpu.get(label, {}).get("cpu_ms")
        rows.append(row)
    table = [[r["label"], r["path"], f"{r['bytes']:,}", str(r["table_rows"]), f"{r['rps']:,.1f}", f"{r['p50']:.1f}",
              f"{r['p90']:.1f}", f"{r['p99']:.1f}", f"{r['max']:.1f}",
              str(r["errors"]) + (" " + str(r["errors_detail"]) if r["errors"] else ""),
              "met" if r["ok"] else "MISSED", "—" if r["cpu_ms"] is None else f"{r['cpu_ms']:.0f}"] for r in rows]
    release = json.loads((folder / "release.json").read_text()) if (folder / "release.json").exists() else None
    if release:
        release["met"] = release["ok"] and release["total_s"] < RELEASE_LIMIT_S
    return {"kind": "admissions", "name": folder.name, "env": env, "prepare": prepare, "rows": rows, "table": table,
            "board_met": bool(rows) and all(r["ok"] for r in rows), "release": release}


def load_attendance(folder: Path) -> dict:
    """Phase 4 (bench/attendance_roll_call.py): the roll call, the overview and the export, in-process."""
    data = json.loads((folder / "attendance.json").read_text())
    table = [[label, page["path"], f"{page['bytes']:,}", str(page["queries"]), f"{page['p50_ms']:.1f}",
              f"{page['p90_ms']:.1f}", f"{page['cpu_ms']:.1f}"] for label, page in data["pages"].items()]
    targeted = [data["pages"].get(label) for label in ("roll-call", "survey-results")]
    met = all(page and page["p50_ms"] < ATTENDANCE_P50_LIMIT_MS for page in targeted)
    return {"kind": "attendance", "env": read_env(folder / "phase.env"), "data": data, "table": table, "met": met}


ATTENDANCE_HEADERS = ["page", "path", "bytes", "queries", "p50 ms", "p90 ms", "CPU ms (median)"]


def attendance_md(phase: dict) -> str:
    data = phase["data"]
    return ("## 4. The participant area: the roll call of a meetup session, the results of a survey\n\n"
            f"Target (issue 12): the roll call of a session with {data['participants']} participants and the results "
            f"of a survey with an answer from each answer with a p50 under {ATTENDANCE_P50_LIMIT_MS:.0f} ms — **{'met' if phase['met'] else 'MISSED'}**. "
            f"{phase['env'].get('SETUP', '')}; signed in as the module's lead; {data['requests']} requests per page "
            f"after a warm-up (prepared in {data['prepare_s']} s). Queries: one request, counted.\n\n"
            + md_table(ATTENDANCE_HEADERS, phase["table"]) + "\n")


def load_coaching(folder: Path) -> dict:
    """Phase 5 (bench/coaching_generate.py): four rounds of coaching groups for 250 participants."""
    data = json.loads((folder / "coaching_generate.json").read_text())
    table = [[str(r["round"]), str(r["participants"]), f"{r['groups_of_3']}×3 + {r['groups_of_4']}×4",
              str(r["repeated_pairs"]), str(r["cost"]), f"{r['seconds'] * 1000:.0f}"] for r in data["rounds"]]
    met = bool(data["rounds"]) and all(r["seconds"] < COACHING_LIMIT_S for r in data["rounds"])
    return {"kind": "coaching", "env": read_env(folder / "phase.env"), "data": data, "table": table, "met": met}


COACHING_HEADERS = ["round", "participants", "groups", "pairs met before", "cost", "ms (median)"]


def coaching_md(phase: dict) -> str:
    return ("## 5. Coaching: generating the groups\n\n"
            f"Target (issue 12): one round of coaching groups for 250 participants in under {COACHING_LIMIT_S:.0f} s "
            f"— **{'met' if phase['met'] else 'MISSED'}**. {phase['env'].get('SETUP', '')}; four rounds in a row, "
            "each keeping apart the pairs of the rounds before it; median of "
            f"{phase['data']['runs']} runs each.\n\n" + md_table(COACHING_HEADERS, phase["table"]) + "\n")


def load_booklet(folder: Path) -> dict:
    """Phase 6 (bench/booklet_pdf.py): the booklet PDF for 25 and 250 participants, the public booklet page."""
    data = json.loads((folder / "booklet.json").read_text())
    pdfs = [[f"PDF, {r['participants']} participants", f"{r['photos']} photos, {r['pages']} pages, "
             f"{r['bytes'] / 1e6:.1f} MB", f"{r['seconds']:.2f} s (CPU {r.get('cpu_s', 0):.2f} s)",
             f"< {r['target_s']:.0f} s",
             "met" if r["ok"] else "MISSED"] for r in data["pdf"]]
    pages = [[label, page["path"], f"{page['cards']} profiles, {page['bytes']:,} bytes, {page['queries']} queries",
              f"{page['rps']:,.1f} req/s, p50 {page['p50_ms']:.1f} ms, p90 {page['p90_ms']:.1f} ms", "—", ""]
             for label, page in data["pages"].items()]
    met = bool(data["pdf"]) and all(r["ok"] for r in data["pdf"])
    return {"kind": "booklet", "env": read_env(folder / "phase.env"), "data": data, "met": met,
            "table": pdfs + [row[:1] + row[2:] for row in pages]}


BOOKLET_HEADERS = ["what", "size", "time", "target", ""]


def booklet_md(phase: dict) -> str:
    data = phase["data"]
    return ("## 6. The participant booklet: the PDF and the public page\n\n"
            f"Targets (issue 13): the booklet PDF with photos for 25 participants in under "
            f"{BOOKLET_PDF_LIMITS_S[25]:.0f} s and for 250 in under {BOOKLET_PDF_LIMITS_S[250]:.0f} s — "
            f"**{'met' if phase['met'] else 'MISSED'}**. {phase['env'].get('SETUP', '')}. A demo cohort of "
            f"{data['participants']} prepared in {data['prepare_s']} s; PDF times are the median of "
            f"{data['pdf'][0]['runs'] if data['pdf'] else 0} renders; the whole background task for all of them "
            f"(fingerprint, render, kept file) took {data.get('task_s', '—')} s (load average before: "
            f"{data.get('load_before', '?')}). The page: req/s of one process, "
            "cached as visitors get it and rendered every time (a session cookie).\n\n"
            + md_table(BOOKLET_HEADERS, phase["table"]) + "\n")


def board_summary(phase: dict) -> str:
    main = phase["rows"][0] if phase["rows"] else None
    text = (f"Target (ranking board, {phase['prepare']['applications']:,} applications and "
            f"{phase['prepare']['reviews']:,} reviews: p50 under {BOARD_P50_LIMIT_MS:.0f} ms on every variant, no errors): "
            + ("MET" if phase["board_met"] else "MISSED"))
    if main:
        text += f" (as it opens: p50 {main['p50']:.0f} ms, p99 {main['p99']:.0f} ms)"
    return text


def release_line(release: dict) -> str:
    return (f"Release of {release['decisions']} admit decisions with their letters: {release['total_s']} s "
            f"(release {release['release_s']} s + letters {release['letters_s']} s; {release['letters']} letters, "
            f"{release['per_letter_ms']} ms per letter; {release['mail_drafts']} mail drafts) -> target under "
            f"{RELEASE_LIMIT_S:.0f} s: " + ("MET" if release["met"] else "MISSED"))


def admissions_md(phase: dict) -> str:
    env, prep, rel = phase["env"], phase["prepare"], phase["release"]
    parts = [f"### {env.get('TITLE', phase['name'])}\n",
             f"{env.get('SETUP', '')}.\n",
             f"Prepared (not measured; bulk inserts, `bench/admissions_prepare.py`): the seed call ({prep['call']}, "
             f"{prep['edition']}) with **{prep['applications']:,} submitted applications** spread over "
             f"{len(prep['countries'])} countries ({', '.join(prep['countries'])}), **{prep['reviews']:,} reviews** "
             f"by {prep['reviewers']} reviewers ({prep['criteria']} criteria scored each: {prep['scores']:,} scores; "
             f"totals are the weighted means), a programme manager; {prep['seconds']} s.\n",
             f"Ranking board, signed in as the manager: `wrk -t1 -c{env.get('CONNECTIONS')}` for "
             f"{env.get('DURATION')} per variant after a {env.get('WARMUP')} warm-up (client timeout 10 s). "
             "\"table rows\" counts `<tr` in the page checked before measuring (100 applications a page + the header). "
             "\"CPU ms/request\": median CPU time of one request in the Django process (`bench/admissions_board_cpu.py`, "
             "WSGI handler called directly, 20 requests; PostgreSQL's own work not included): what the page costs, "
             "far less distorted by a busy machine than the latencies.\n",
             md_table(BOARD_HEADERS, phase["table"]), f"\n**{board_summary(phase)}.**\n"]
    if rel:
        parts.append(
            f"Release (`bench/admissions_release.py`): the edition's capacity raised from {rel['old_capacity']} to "
            f"{rel['capacity']} (the seed edition has {rel['old_capacity']} places and a release never offers more "
            f"than the capacity), the {rel['decisions']} best-ranked applications staged as \"admit\" "
            f"({rel['stage_s']} s, not counted); then measured: `services.release(call, actor=manager)` "
            "(offers, outbox drafts, activity log; enqueues the letter tasks) and `manage.py db_worker --batch` "
            "(one task worker, its start-up counted) until every letter is stored.\n")
        parts.append(md_table(
            ["decisions", "offers", "letters stored", "mail drafts", "release s", "letters s", "total s",
             "per letter", "per decision", "avg letter", "target"],
            [[rel["decisions"], rel["offers"], rel["letters"], rel["mail_drafts"], rel["release_s"], rel["letters_s"],
              f"**{rel['total_s']}**", f"{rel['per_letter_ms']} ms", f"{rel['per_decision_ms']} ms",
              f"{rel['letter_kb_avg']} KB", ("met" if rel["met"] else "**MISSED**") + f" (< {RELEASE_LIMIT_S:.0f} s)"]])
            + "\n")
    return "\n".join(parts)


def text_table(table: list, headers: list = HEADERS) -> str:
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(headers)]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths)) for line in [headers, *table])


def phase_number(phase: dict) -> int:
    return int(phase["name"].split("-", 1)[0])


def old_document(path: Path) -> dict:
    """The existing file cut up: its date, its "## N. title" sections and its summary rows by phase number."""
    if not path.exists():
        return {"date": "", "sections": {}, "rows": {}, "admission_rows": []}
    text = path.read_text()
    date = re.search(r"on (\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC)", text)
    sections = {}
    for match in re.finditer(r"^## (\d+)\. .*?(?=^## |\Z)", text, re.M | re.S):
        sections[int(match.group(1))] = match.group(0).rstrip() + "\n"
    rows = {}
    for match in re.finditer(r"^\| (\d+)\. .*\|$", text, re.M):
        rows.setdefault(int(match.group(1)), []).append(match.group(0))
    return {"date": date.group(1) if date else "an earlier run", "sections": sections, "rows": rows}


def kept_date(section: str, date: str) -> str:
    """The date of the run a section comes from: its mark when an earlier partial run kept it, else ``date``."""
    found = re.search(r"^_Kept from the run of (.+?): this phase", section, re.M)
    return found.group(1) if found else date


def kept(section: str, date: str) -> str:
    note = f"_Kept from the run of {date}: this phase was not run this time._\n"
    if section.splitlines()[2:3] and section.splitlines()[2].startswith("_Kept from the run of"):
        return section  # already marked (by an earlier partial run)
    head, _, rest = section.partition("\n\n")
    return f"{head}\n\n{note}\n{rest}"


def md_table(headers: list, table: list) -> str:
    return "\n".join(
        ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        + ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in line) + " |" for line in table]
    )


def pages_summary(phase: dict) -> str:
    return (f"Target ({', '.join(TARGETED)}: at least {phase['page_share']:.0%} of the trivial view's req/s, "
            f"p99 under {phase['page_p99']:.0f} ms, no errors): " + ("MET" if phase["pages_met"] else "MISSED")
            + f". Signed-in target ({', '.join(SIGNED_IN)}: at least {SIGNED_IN_SHARE:.0%} of the trivial view's "
            f"req/s, p99 under {SIGNED_IN_P99_MS:.0f} ms, no errors): " + ("MET" if phase["signed_in_met"] else "MISSED"))


def sub_line(sub: dict) -> str:
    return (f"Full submissions: {sub['submissions']} successful of {sub['submissions'] + sub['errors']} in {sub['seconds']} s, "
            f"{sub['concurrency']} at a time ({sub['submissions_per_s']}/s; {sub['requests']} requests, "
            f"{sub['requests_per_s']} req/s = {sub['share']:.0%} of the trivial view); per submission p50 {sub['p50_s']} s, "
            f"p99 {sub['p99_s']} s; errors: {sub['errors']}; submitted in the database: {sub['in_db']}; "
            f"lost: {sub['lost']} -> " + ("OK" if sub["ok"] else "FAILED"))


def rss_line(rss: dict) -> str:
    return (f"Peak RSS per gunicorn worker: {rss['peak_mb']:.1f} MB ({len(rss['workers'])} worker processes, "
            f"{rss['samples']} samples) -> " + (f"under {RSS_LIMIT_MB:.0f} MB" if rss["ok"] else f"OVER {RSS_LIMIT_MB:.0f} MB"))


def certificates_line(pdfs: dict) -> str:
    verdict = "met" if pdfs["seconds"] < CERTIFICATE_PDFS_LIMIT_S else "MISSED"
    return (f"{pdfs['pdfs']} certificate PDFs in one file: {pdfs['seconds']} s, {pdfs['bytes']:,} bytes "
            f"(target under {CERTIFICATE_PDFS_LIMIT_S:.0f} s: {verdict})")


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
    if phase.get("certificates"):
        parts.append(certificates_line(phase["certificates"]) + "\n")
    responses = "\n".join(f"  - `{r['path']}`: HTTP {r['status']}, {r['bytes']:,} bytes" for r in phase["rows"])
    parts.append(f"Responses checked before measuring:\n{responses}\n")
    return "\n".join(parts)


def main() -> None:
    results, out = Path(sys.argv[1]), Path(sys.argv[2])
    facts = read_env(results / "facts.env")
    folders = [p for p in sorted(results.iterdir()) if (p / "phase.env").exists()]
    if not folders:
        raise SystemExit(f"no phase results in {results}")
    pages, admissions, attendance, coaching, booklet, forum, radars, editions = [], [], [], [], [], [], [], []
    for folder in folders:
        if read_env(folder / "phase.env").get("KIND") == "editions":
            editions.append(load_editions(folder, read_env))
        elif read_env(folder / "phase.env").get("KIND") == "radars":
            radars.append(load_radars(folder, read_env))
        elif read_env(folder / "phase.env").get("KIND") == "forum":
            forum.append(load_forum(folder, read_env))
        elif read_env(folder / "phase.env").get("KIND") == "booklet":
            booklet.append(load_booklet(folder))
        elif read_env(folder / "phase.env").get("KIND") == "coaching":
            coaching.append(load_coaching(folder))
        elif read_env(folder / "phase.env").get("KIND") == "attendance":
            attendance.append(load_attendance(folder))
        elif read_env(folder / "phase.env").get("KIND") == "admissions":
            admissions.append(load_admissions(folder))
        else:
            pages.append(load_phase(folder))
    admissions.sort(key=lambda phase: (phase["env"].get("DB") != "sqlite", phase["name"]))  # SQLite first

    for phase in pages:
        print(f"== {phase_number(phase)}. {phase['env'].get('TITLE', phase['name'])}")
        print(text_table(phase["table"]))
        print(pages_summary(phase))
        if phase["sub"]:
            print(sub_line(phase["sub"]))
        if phase["rss"]:
            print(rss_line(phase["rss"]))
        if phase.get("certificates"):
            print(certificates_line(phase["certificates"]))
        print()
    for phase in admissions:
        print(f"== 3. {phase['env'].get('TITLE', phase['name'])}")
        prep = phase["prepare"]
        print(f"Prepared {prep['applications']:,} applications, {prep['reviews']:,} reviews in {prep['seconds']} s")
        print(text_table(phase["table"], BOARD_HEADERS))
        print(board_summary(phase))
        if phase["release"]:
            print(release_line(phase["release"]))
        print()

    for phase in attendance:
        print(f"== 4. {phase['env'].get('TITLE', 'Attendance')}")
        print(text_table(phase["table"], ATTENDANCE_HEADERS))
        print(f"Roll call target (p50 < {ATTENDANCE_P50_LIMIT_MS:.0f} ms): {'met' if phase['met'] else 'MISSED'}")
        print()

    for phase in coaching:
        print(f"== 5. {phase['env'].get('TITLE', 'Coaching')}")
        print(text_table(phase["table"], COACHING_HEADERS))
        print(f"Coaching target (< {COACHING_LIMIT_S:.0f} s a round): {'met' if phase['met'] else 'MISSED'}")
        print()

    for phase in booklet:
        print(f"== 6. {phase['env'].get('TITLE', 'Booklet')}")
        print(text_table(phase["table"], BOOKLET_HEADERS))
        print(f"Booklet PDF targets: {'met' if phase['met'] else 'MISSED'}")
        print()

    for phase in forum:
        print(f"== 7. {phase['env'].get('TITLE', 'Forum')}")
        print(text_table(phase["table"], FORUM_HEADERS))
        print(f"Forum registrations: {'correct' if phase['met'] else 'WRONG'}")
        print()

    for phase in radars:
        print(f"== 8. {phase['env'].get('TITLE', 'Radars')}")
        print(text_table(phase["table"], RADAR_HEADERS))
        print(f"Radar targets (SVG of 150 blips < 200 ms, 10,000 BYOR rows < 5 s): {'met' if phase['met'] else 'MISSED'}")
        print()

    for phase in editions:
        print(f"== 9. {phase['env'].get('TITLE', 'Editions and strategy')}")
        print(text_table(phase["table"], EDITIONS_HEADERS))
        print(f"Edition and strategy targets (clone < 2 s, strategy PDF < 1 s): {'met' if phase['met'] else 'MISSED'}")
        print()

    old = old_document(out)
    run_numbers = ({phase_number(p) for p in pages} | ({3} if admissions else set()) | ({4} if attendance else set())
                   | ({5} if coaching else set()) | ({6} if booklet else set()) | ({7} if forum else set())
                   | ({8} if radars else set()) | ({9} if editions else set()))
    kept_numbers = sorted(n for n in old["sections"] if n not in run_numbers)

    overview = []
    for phase in pages:
        rows = {r["label"]: r for r in phase["rows"]}
        sub, rss = phase["sub"], phase["rss"]
        overview.append([
            f"{phase_number(phase)}. {phase['env'].get('TITLE', phase['name'])}",
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
    old_page_rows = [row for n in kept_numbers if n != 3 for row in old["rows"].get(n, [])
                     if row.count("|") == overview_md.splitlines()[0].count("|")]
    if old_page_rows:
        overview_md += "\n" + "\n".join(old_page_rows)
    if not pages and not old_page_rows:
        overview_md = "_No page phase (1 or 2) in this run or in the previous file._"

    admission_rows = []
    for phase in admissions:
        rows = {r["label"]: r for r in phase["rows"]}
        rel = phase["release"]
        admission_rows.append([
            f"3. {phase['env'].get('TITLE', phase['name'])}",
            *(f"{rows[label]['p50']:.0f} / {rows[label]['p99']:.0f} ms" if label in rows else "—"
              for label in ("board", "board-by-name", "board-country")),
            "MET" if phase["board_met"] else "MISSED",
            (f"{rel['total_s']} s ({rel['per_letter_ms']} ms per letter)" if rel else "—"),
            ("MET" if rel["met"] else "MISSED") if rel else "—",
        ])
    admission_headers = ["set-up", "board p50 / p99", "by name p50 / p99", "one country p50 / p99",
                         f"board target (p50 < {BOARD_P50_LIMIT_MS:.0f} ms)", "release of 500 with letters",
                         f"release target (< {RELEASE_LIMIT_S:.0f} s)"]
    admissions_overview = md_table(admission_headers, admission_rows) if admission_rows else ""
    if not admission_rows and 3 in kept_numbers:
        admissions_overview = md_table(admission_headers, []) + "\n" + "\n".join(old["rows"].get(3, []))
    kept_note = "".join(
        f"\nSection {n} (and its summary rows) is kept from the run of {kept_date(old['sections'][n], old['date'])}; "
        "it was not run this time.\n" for n in kept_numbers)

    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out.parent.mkdir(parents=True, exist_ok=True)
    new_sections = {phase_number(p): phase_md(phase_number(p), p) for p in pages}
    if admissions:
        new_sections[3] = (
            "## 3. Admissions at scale: the ranking board and the release\n\n"
            f"Targets (issue 4): the ranking board with {admissions[0]['prepare']['applications']:,} applications and "
            f"{admissions[0]['prepare']['reviews']:,} reviews answers with a p50 under {BOARD_P50_LIMIT_MS:.0f} ms; the "
            f"release of {admissions[0]['release']['decisions'] if admissions[0]['release'] else 500} decisions with "
            f"their letters takes under {RELEASE_LIMIT_S:.0f} s. Low concurrency on purpose: these are latency "
            "targets for a few staff members, not throughput ones.\n\n"
            + "\n".join(admissions_md(p) for p in admissions))
    if attendance:
        new_sections[4] = attendance_md(attendance[0])
    if coaching:
        new_sections[5] = coaching_md(coaching[0])
    if booklet:
        new_sections[6] = booklet_md(booklet[0])
    if forum:
        new_sections[7] = forum_md(forum[0], md_table)
    if radars:
        new_sections[8] = radars_md(radars[0], md_table)
    if editions:
        new_sections[9] = editions_md(editions[0], md_table)
    for n in kept_numbers:
        new_sections[n] = kept(old["sections"][n], old["date"])
    sections = "\n".join(new_sections[n] for n in sorted(new_sections))
    out.write_text(f"""# Benchmarks

Written by `make bench` (`scripts/bench.sh`, code in `bench/`) on {now}. Do not edit by hand: run it again.

## Summary

{overview_md}

{"Admissions at scale (phase 3):" + chr(10) + chr(10) + admissions_overview + chr(10) if admissions_overview else ""}{kept_note}
Phases 1 and 2 are measured the same way, with {facts.get('CONNECTIONS')} concurrent clients
(`wrk -t{facts.get('THREADS')} -c{facts.get('CONNECTIONS')}`), one page after the other, each after a warm-up;
latency percentiles from wrk's histogram (`bench/wrk_report.lua`). "vs trivial" is the page's req/s as a share of
the trivial view's in the same phase (`/__bench__/trivial/`, a bare `HttpResponse` behind the full middleware
stack; URLconf `campus.core.bench_urls`): the cost of the page itself on this machine and set-up.
Page target: home and module page at least {SHARE:.0%} of the trivial view's req/s, p99 under
{P99_LIMIT_MS:.0f} ms, no errors; in phase 2 (two instances behind nginx, issue 10) at least
{page_target(2)[0]:.0%}, p99 under {page_target(2)[1]:.0f} ms.

- Pages: anonymous GETs served from the page cache, except `home-rendered`, which sends a session cookie and
  so is rendered on every request (templates and queries); `step-about` and `step-cluster` are application
  step pages (GET) of a signed-in applicant with a draft, `status` is that applicant's status page and
  `home-signed-in` the home page as they see it: rendered on every request. Their target (issue 10): at
  least {SIGNED_IN_SHARE:.0%} of the trivial view's req/s, p99 under {SIGNED_IN_P99_MS:.0f} ms, no errors.
- Full submissions (`bench/submit_load.py`): each of {facts.get('SUBMISSIONS')} signed-in applicants does what a
  browser does — the call page, "start", every step page (GET) and its form (POST; the CV step uploads a 1 MB
  PDF), the review page, "submit", the status page: 17 requests —, {facts.get('SUBMIT_CONCURRENCY')} applicants
  at a time. Afterwards the submitted applications of these applicants are counted in the database
  (`bench/count_submitted.py`): "lost" = successful submissions − submitted in the database, and must be 0,
  like the errors.
- Peak RSS: `ps -o rss` of every gunicorn worker process (the masters' children) every 0.5 s during the phase
  (`bench/rss_sample.py`); the highest value of any worker, against a limit of {RSS_LIMIT_MB:.0f} MB (MB = 1024 KiB).
- Phase 3 (admissions): the ranking board of a programme manager (`/staff/admissions/<call>/`, 100 rows a page)
  as it opens (by score), sorted by name, filtered by one country and on page 25, with
  `wrk -t1 -c2` (a latency target); then the release of 500 admit decisions until every letter is stored.
- wrk's errors include its own client timeout (`timeout`; 2 s in phases 1 and 2, 10 s in phase 3): a
  slower response counts as an error there, whatever the server does.
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
