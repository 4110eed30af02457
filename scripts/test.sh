#!/usr/bin/env bash
# Every test, browser tests included: first on SQLite, then on PostgreSQL.
# PostgreSQL: $DATABASE_URL when set, else a local server on 127.0.0.1:5432 when one answers.
# With CI=true a missing PostgreSQL is an error, never a skip. Extra arguments go to pytest (both passes).
# Serial on purpose: on 2 cores, pytest-xdist (-n 2) made the browser tests slower, not faster.
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

run_pass() {  # run_pass NAME [env assignments...] -- pytest args
  local name=$1; shift
  local -a envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  header "$name"
  local start=$SECONDS rc
  env "${envs[@]}" "$PY" -m pytest "$@"
  rc=$?
  local took=$((SECONDS - start))
  if [ $rc -eq 0 ]; then
    summary+=("PASSED  $name  (${took}s)")
  else
    summary+=("FAILED  $name  (${took}s, pytest exit code $rc)")
    status=1
  fi
}

# --- pass 1: SQLite ---------------------------------------------------------------------------
run_pass "Pass 1/2: SQLite (all tests, browser tests included)" -u DATABASE_URL -- "$@"

# --- pass 2: PostgreSQL -----------------------------------------------------------------------
pg_url="${DATABASE_URL:-}"
if [ -z "$pg_url" ] && pg_answers "$LOCAL_PG_URL"; then
  pg_url=$LOCAL_PG_URL
fi

if [ -n "$pg_url" ]; then
  if pg_answers "$pg_url"; then
    run_pass "Pass 2/2: PostgreSQL at $(redact "$pg_url") (all tests, browser tests included)" DATABASE_URL="$pg_url" -- "$@"
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

header "Summary"
printf '%s\n' "${summary[@]}"
exit $status
