#!/usr/bin/env bash
# `make bench`: serve a freshly seeded site with gunicorn (2 workers, DEBUG off) on 127.0.0.1, measure
# a trivial view and the public pages with wrk (-t2 -c50), print a table and write docs/benchmarks.md.
# Knobs: BENCH_DURATION (10s), BENCH_WARMUP (2s), BENCH_WORKERS (2), BENCH_CONNECTIONS (50), BENCH_THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
WORKERS=${BENCH_WORKERS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-2}
# label and path of every measured page; the first is the baseline.
ENDPOINTS=(
  "trivial /__bench__/trivial/"
  "home /"
  "module /modules/3/"
  "schedule.ics /schedule.ics"
  "admission /admission/"
  "home-rendered / cookie"
  "step-about /apply/step/about/ session"
  "step-cluster /apply/step/cluster/ session"
)
SUBMISSIONS=${BENCH_SUBMISSIONS:-200}
SUBMIT_CONCURRENCY=${BENCH_SUBMIT_CONCURRENCY:-10}
# An entry marked "cookie" sends a session cookie: the page bypasses the page cache and is rendered
# every time (what the first visitor after a content change, or a signed-in person, gets).
COOKIE_HEADER="Cookie: sessionid=bench-not-a-session"

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
command -v curl >/dev/null || { echo "bench: curl is needed" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/campus-bench.XXXXXX")
GUNICORN_PID=""
cleanup() {
  if [ -n "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
    kill -TERM "$GUNICORN_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$GUNICORN_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export CAMPUS_VAR_DIR=$WORK/var
export DEBUG=0
export SECRET_KEY="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export CAMPUS_URLCONF=campus.core.bench_urls
export ALLOWED_HOSTS=127.0.0.1
export LOG_LEVEL=WARNING
unset DATABASE_URL REDIS_URL
PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT

echo "Preparing a fresh database in $CAMPUS_VAR_DIR..."
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py collectstatic --noinput -v0
"$PY" manage.py load_seed_edition >/dev/null
"$PY" bench/prepare.py $((SUBMISSIONS + 1)) "$WORK/sessions.txt"
STEP_SESSION=$(head -n 1 "$WORK/sessions.txt")
tail -n +2 "$WORK/sessions.txt" > "$WORK/submit-sessions.txt"

echo "Starting gunicorn ($WORKERS workers) on $BASE..."
"$ROOT/.venv/bin/gunicorn" campus.wsgi:application --pythonpath "$ROOT/src" \
  --bind "127.0.0.1:$PORT" --workers "$WORKERS" --no-control-socket \
  --error-logfile "$WORK/gunicorn.log" --log-level warning &
GUNICORN_PID=$!
for _ in $(seq 100); do
  curl -fsS -o /dev/null "$BASE/__bench__/trivial/" 2>/dev/null && break
  kill -0 "$GUNICORN_PID" 2>/dev/null || { cat "$WORK/gunicorn.log" >&2; echo "bench: gunicorn died" >&2; exit 1; }
  sleep 0.2
done

RESULTS=$WORK/results
mkdir -p "$RESULTS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$RESULTS/endpoints.tsv"
for entry in "${ENDPOINTS[@]}"; do
  read -r label path mode <<<"$entry"
  headers=(); [ "${mode:-}" = cookie ] && headers=(-H "$COOKIE_HEADER")
  [ "${mode:-}" = session ] && headers=(-H "Cookie: sessionid=$STEP_SESSION")
  read -r status size < <(curl -sS "${headers[@]}" -o /dev/null -w '%{http_code} %{size_download}\n' "$BASE$path")
  if [ "$status" != 200 ]; then
    echo "bench: $path answered HTTP $status" >&2; cat "$WORK/gunicorn.log" >&2; exit 1
  fi
  printf '%s\t%s\t%s\t%s\n' "$label" "$path" "$status" "$size" >> "$RESULTS/endpoints.tsv"
done

for entry in "${ENDPOINTS[@]}"; do
  read -r label path mode <<<"$entry"
  headers=(); [ "${mode:-}" = cookie ] && headers=(-H "$COOKIE_HEADER")
  [ "${mode:-}" = session ] && headers=(-H "Cookie: sessionid=$STEP_SESSION")
  echo "wrk $path ${mode:+($mode) }(warm-up $WARMUP, then $DURATION)..."
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$BASE$path" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "${headers[@]}" --latency -s bench/wrk_report.lua "$BASE$path" > "$RESULTS/$label.wrk"
done

echo "Full submissions: $SUBMISSIONS applicants, $SUBMIT_CONCURRENCY at a time, each with a 1 MB PDF CV..."
"$PY" bench/submit_load.py "$BASE" "$WORK/submit-sessions.txt" "$RESULTS/submission.json" \
  --concurrency "$SUBMIT_CONCURRENCY" --pdf-mb 1 >/dev/null

{
  echo "NPROC=$(nproc)"
  echo "CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
  echo "KERNEL=$(uname -sr)"
  echo "PYTHON=$("$PY" -c 'import platform; print(platform.python_version())')"
  echo "DJANGO=$("$PY" -c 'import django; print(django.get_version())')"
  echo "GUNICORN=$("$PY" -c 'import gunicorn; print(gunicorn.__version__)')"
  echo "WRK=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "LOAD_BEFORE=$LOAD_BEFORE"; echo "LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "WORKERS=$WORKERS"; echo "THREADS=$THREADS"; echo "CONNECTIONS=$CONNECTIONS"
  echo "DURATION=$DURATION"; echo "WARMUP=$WARMUP"
} > "$RESULTS/facts.env"

if [ -s "$WORK/gunicorn.log" ]; then echo "--- gunicorn log ---"; tail -20 "$WORK/gunicorn.log"; echo "---"; fi
echo
"$PY" bench/report.py "$RESULTS" docs/benchmarks.md
