#!/usr/bin/env bash
# Every test, browser tests included, on SQLite and on PostgreSQL: the two passes run AT THE SAME TIME (the
# PostgreSQL pass waits on its server much of the time; on 2 cores the two together take little longer than the
# slower alone). Each pass writes its own log (var/test-logs/); the logs are printed one after the other when
# both are done, then the summary; the exit code is non-zero when either failed. SERIAL=1 runs them one by one.
# PostgreSQL: $DATABASE_URL when set, else a local server on 127.0.0.1:5432 when one answers.
# With CI=true a missing PostgreSQL is an error, never a skip. Extra arguments go to pytest (both passes).
# No pytest-xdist inside a pass: on 2 cores, -n 2 made the browser tests slower, not faster.
# The passes share nothing: SQLite's test database is a file per process, PostgreSQL's is test_<name>, live
# servers and the fault tests' servers take free ports, media go to pytest's temporary folders.
# Browser tests (tests/e2e) run once per `make test`: when both passes run, the journeys run in the PostgreSQL
# pass (the production database) and the sweeps over every page in the SQLite pass (CAMPUS_E2E_SHARE, see
# tests/e2e/conftest.py); every other test runs in both. E2E_BOTH=1 runs every browser test in both passes.
# With one pass (no PostgreSQL outside CI), that pass runs every browser test.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
LOCAL_PG_URL="postgres://postgres@127.0.0.1:5432/campus"

header() {
  echo
  echo "================================================================================"
  echo "== $*"
  echo "================================================================================"
}

# Can we reach the server of a PostgreSQL URL? (The database itself need not exist: tests create test_<name>.)
pg_answers() {
  "$PY" - "$1" <<'EOF' >/dev/null 2>&1
import sys
import psycopg
from psycopg.conninfo import conninfo_to_dict

params = conninfo_to_dict(sys.argv[1])
for dbname in (params.get("dbname"), "postgres"):
    try:
        psycopg.connect(**{**params, "dbname": dbname or "postgres", "connect_timeout": 3}).close()
        sys.exit(0)
    except psycopg.Error:
        pass
sys.exit(1)
EOF
}

redact() { sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$1"; }

declare -a summary=()
status=0

LOGS=var/test-logs
mkdir -p "$LOGS"
declare -a names=() logs=() pids=() starts=()

start_pass() {  # start_pass NAME LOG [env assignments...] -- pytest args
  local name=$1 log=$2; shift 2
  local -a envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  names+=("$name"); logs+=("$log"); starts+=("$SECONDS")
  if [ "${SERIAL:-}" = "1" ]; then
    env "${envs[@]}" "$PY" -m pytest "$@" >"$log" 2>&1
    echo $? >"$log.rc"; echo $SECONDS >"$log.end"
    pids+=("")
  else
    ( env "${envs[@]}" "$PY" -m pytest "$@" >"$log" 2>&1; echo $? >"$log.rc"; echo $SECONDS >"$log.end" ) &
    pids+=("$!")
  fi
}

finish_passes() {
  local i rc took
  for i in "${!names[@]}"; do
    [ -n "${pids[$i]}" ] && wait "${pids[$i]}"
    took=$(( $(cat "${logs[$i]}.end" 2>/dev/null || echo $SECONDS) - starts[i] ))
    header "${names[$i]}  (log: ${logs[$i]})"
    cat "${logs[$i]}"
    rc=$(cat "${logs[$i]}.rc" 2>/dev/null || echo 99)
    if [ "$rc" = "0" ]; then
      summary+=("PASSED  ${names[$i]}  (${took}s)")
    else
      summary+=("FAILED  ${names[$i]}  (${took}s, pytest exit code $rc)")
      status=1
    fi
  done
}

# --- which passes: SQLite always, PostgreSQL when a server answers ----------------------------------
rm -f "$LOGS"/*.rc "$LOGS"/*.end
trap 'for pid in "${pids[@]}"; do [ -n "$pid" ] && kill -- "$pid" 2>/dev/null; done; exit 130' INT TERM
pg_url="${DATABASE_URL:-}"
if [ -z "$pg_url" ] && pg_answers "$LOCAL_PG_URL"; then
  pg_url=$LOCAL_PG_URL
fi
sqlite_e2e=() pg_e2e=() sqlite_what="all tests, browser tests included" pg_what=$sqlite_what
if [ -n "$pg_url" ] && [ "${E2E_BOTH:-}" != "1" ] && pg_answers "$pg_url"; then
  sqlite_e2e=(CAMPUS_E2E_SHARE=sweeps) pg_e2e=(CAMPUS_E2E_SHARE=journeys)
  sqlite_what="all tests; of the browser tests, the sweeps over every page"
  pg_what="all tests; of the browser tests, the journeys"
fi

# --- pass 1: SQLite ---------------------------------------------------------------------------
start_pass "Pass 1/2: SQLite ($sqlite_what)" "$LOGS/sqlite.log" -u DATABASE_URL "${sqlite_e2e[@]}" -- "$@"

# --- pass 2: PostgreSQL -----------------------------------------------------------------------
if [ -n "$pg_url" ]; then
  if pg_answers "$pg_url"; then
    start_pass "Pass 2/2: PostgreSQL at $(redact "$pg_url") ($pg_what)" "$LOGS/postgresql.log" \
      DATABASE_URL="$pg_url" "${pg_e2e[@]}" -- "$@"
  else
    header "Pass 2/2: PostgreSQL"
    echo "ERROR: DATABASE_URL is set ($(redact "$pg_url")) but that server does not answer." >&2
    summary+=("FAILED  Pass 2/2: PostgreSQL at $(redact "$pg_url") does not answer")
    status=1
  fi
elif [ "${CI:-}" = "true" ]; then
  header "Pass 2/2: PostgreSQL"
  echo "ERROR: CI=true but no PostgreSQL: DATABASE_URL is unset and nothing answers on 127.0.0.1:5432." >&2
  echo "       The PostgreSQL pass is never skipped on CI. Start PostgreSQL or set DATABASE_URL." >&2
  summary+=("FAILED  Pass 2/2: PostgreSQL not reachable (CI=true)")
  status=1
else
  header "Pass 2/2: PostgreSQL"
  echo "WARNING: PostgreSQL pass SKIPPED: DATABASE_URL is unset and nothing answers on 127.0.0.1:5432."
  summary+=("SKIPPED Pass 2/2: PostgreSQL (not reachable; CI would fail here)")
fi

finish_passes  # waits for both, prints their logs in order (a pass whose server did not answer was never started)

header "Summary"
printf '%s\n' "${summary[@]}"
exit $status
