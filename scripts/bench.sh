#!/usr/bin/env bash
# `make bench`: nine phases, one after the other; prints a table per phase and writes docs/benchmarks.md
# (bench/report.py; sections of phases not run this time are kept from the previous file).
#   1. SQLite, one instance: a freshly seeded site served by gunicorn (2 workers, DEBUG off) on 127.0.0.1.
#   2. PostgreSQL + Redis, nginx in front of two gunicorn instances (2 workers each), started by
#      deploy/up.sh on a fresh database (campus_bench_<pid>, created and dropped here) and stopped by
#      deploy/down.sh.
#   3. Admissions at scale, on SQLite (a fresh database file in a temporary CAMPUS_VAR_DIR) and on PostgreSQL
#      (a fresh database campus_bench_adm_<pid>, created and dropped here): 5,000 submitted applications of
#      the seed call with 10,000 reviews (bench/admissions_prepare.py; timed, not measured), then the ranking
#      board of a programme manager (GET /staff/admissions/<call>/, gunicorn, DEBUG off) with wrk at low
#      concurrency (BENCH_BOARD_CONNECTIONS, 2: a latency target), as it opens, sorted by name, filtered by
#      country and on page 25 (and the CPU time of one such request in the Django process,
#      bench/admissions_board_cpu.py); then the release of 500 admit decisions and the making of their letters
#      (bench/admissions_release.py). Targets: board p50 under 300 ms, release with letters under 30 s.
#   4. Attendance (issue 12), on SQLite (its own fresh database file): the roll call of a meetup session with
#      BENCH_ATTENDANCE_PARTICIPANTS (250) participants, the overview and the session's CSV export, each
#      BENCH_ATTENDANCE_REQUESTS (30) times through Django's WSGI handler in-process, signed in as the lead of
#      the module (bench/attendance_roll_call.py). Target: the roll call's p50 under 300 ms.
#   5. Coaching (issue 12): four successive rounds of coaching groups for 250 participants, each avoiding the
#      pairs of the rounds before it (bench/coaching_generate.py, the generator alone). Target: under 2 s a round.
#   6. The participant booklet (issue 13), on SQLite (its own fresh database file): a demo cohort of
#      BENCH_BOOKLET_PARTICIPANTS (250) with generated portraits; the booklet PDF for 25 and for all of them
#      (targets: under 2 s and under 15 s) and the public booklet page with all of them, cached and rendered,
#      in-process (bench/booklet_pdf.py).
#   7. Forum (issue 13), on SQLite (its own fresh database file): BENCH_FORUM_REGISTRATIONS (200) guests register
#      and confirm at once for an event of BENCH_FORUM_SEATS (150) seats, BENCH_FORUM_CONCURRENCY (8) served at a
#      time (bench/forum_registrations.py); exactly the capacity seated, the rest waiting in arrival order.
#   8. Radars (issue 14): the SVG picture and the list view of a 150-blip radar rendered in-process
#      (bench/radars_render.py, BENCH_RADAR_RUNS (9) runs; target: the SVG under 200 ms), then, on SQLite (its own
#      fresh database file), importing BENCH_RADAR_ROWS (10000) BYOR CSV rows as a new draft edition, three times
#      (target: under 5 s), and the radar page of a 150-blip radar as a whole signed-in request
#      (bench/radars_import.py).
#   9. Editions and strategy (issue 15), on SQLite (fresh database files): cloning an edition with 4 modules,
#      8 meetups, 30 questions, 20 mail templates and 10 surveys, BENCH_CLONE_RUNS (5) times inside a rolled-back
#      transaction (bench/editions_clone.py; target under 2 s), and the PDF of a strategy with 6 objectives,
#      30 actions, 18 indicators and 12 check-ins, BENCH_STRATEGY_RUNS (5) times (bench/strategy_pdf.py; under 1 s).
# Phases 1 and 2: the trivial view, the public pages and the application step pages with wrk (-t2 -c50), then
# BENCH_SUBMISSIONS full submissions with a 1 MB CV (bench/submit_load.py, BENCH_SUBMIT_CONCURRENCY at a
# time), then the submitted applications are counted in the database (lost = successful - in the database);
# meanwhile the RSS of every gunicorn worker is sampled every 0.5 s (bench/rss_sample.py).
# Knobs: BENCH_DURATION (10s), BENCH_WARMUP (2s), BENCH_WORKERS (2, phase 1), BENCH_CONNECTIONS (50),
# BENCH_THREADS (2), BENCH_SUBMISSIONS (200), BENCH_SUBMIT_CONCURRENCY (50), BENCH_PG_DURATION and
# BENCH_PG_WARMUP (phase 2; default: as phase 1), BENCH_PG_INSTANCES (2), BENCH_PG_WORKERS (2 per instance),
# BENCH_PHASES ("1 2 3 4 5 6 7 8 9"), BENCH_ADMISSIONS_DBS ("sqlite postgres", phase 3), BENCH_APPLICATIONS (5000),
# BENCH_DECISIONS (500), BENCH_BOARD_CONNECTIONS (2), BENCH_BOARD_DURATION (10s), BENCH_PG_HOST/PORT/USER (127.0.0.1/5432/postgres), BENCH_REDIS_URL
# (redis://127.0.0.1:6379/0; keys under a per-run CACHE_KEY_PREFIX, deleted at the end), BENCH_KEEP_RESULTS
# (a folder that gets a copy of the raw results).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
WORKERS=${BENCH_WORKERS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-2}
PG_DURATION=${BENCH_PG_DURATION:-$DURATION}
PG_WARMUP=${BENCH_PG_WARMUP:-$WARMUP}
PG_INSTANCES=${BENCH_PG_INSTANCES:-2}
PG_WORKERS=${BENCH_PG_WORKERS:-2}
PHASES=${BENCH_PHASES:-1 2 3 4 5 6 7 8 9}
ADMISSIONS_DBS=${BENCH_ADMISSIONS_DBS:-sqlite postgres}
APPLICATIONS=${BENCH_APPLICATIONS:-5000}
ATTENDANCE_PARTICIPANTS=${BENCH_ATTENDANCE_PARTICIPANTS:-250}
ATTENDANCE_REQUESTS=${BENCH_ATTENDANCE_REQUESTS:-30}
DECISIONS=${BENCH_DECISIONS:-500}
BOARD_CONNECTIONS=${BENCH_BOARD_CONNECTIONS:-2}
BOARD_DURATION=${BENCH_BOARD_DURATION:-$DURATION}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
BENCH_REDIS=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/0}
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
  "status /apply/status/ session"
  "home-signed-in / session"
  "verify /certificates/@CERT@/"
  "verify-json /certificates/@CERT@/?format=json"
)
SUBMISSIONS=${BENCH_SUBMISSIONS:-200}
SUBMIT_CONCURRENCY=${BENCH_SUBMIT_CONCURRENCY:-50}
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
RESULTS=$WORK/results
mkdir -p "$RESULTS"
GUNICORN_PID=""
SAMPLER_PID=""
PG_DB=campus_bench_$$
PG_DB_CREATED=""
ADM_DB=campus_bench_adm_$$
ADM_DB_CREATED=""
# deploy/up.sh's folder: directly under /tmp, so that nginx's workers (www-data, when run as root) reach its static/.
DEPLOY_VAR=""
CACHE_PREFIX=campus-bench-$$

stop_pid() {  # stop_pid PID: TERM, up to 5 s, then KILL
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  set +e
  stop_pid "$SAMPLER_PID"; SAMPLER_PID=""
  stop_pid "$GUNICORN_PID"; GUNICORN_PID=""
  if [ -n "$DEPLOY_VAR" ] && [ -d "$DEPLOY_VAR/run" ]; then
    STOP_TIMEOUT=20 "$ROOT/deploy/down.sh" "$DEPLOY_VAR" >/dev/null
  fi
  if [ -n "$PG_DB_CREATED" ]; then
    dropdb --if-exists --force -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DB" \
      || echo "bench: could not drop the database $PG_DB" >&2
  fi
  if [ -n "$ADM_DB_CREATED" ]; then
    dropdb --if-exists --force -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$ADM_DB" \
      || echo "bench: could not drop the database $ADM_DB" >&2
  fi
  if command -v redis-cli >/dev/null && [ -n "$PG_DB_CREATED" ]; then
    redis-cli -u "$BENCH_REDIS" --scan --pattern "$CACHE_PREFIX:*" 2>/dev/null \
      | xargs -r -n 500 redis-cli -u "$BENCH_REDIS" del >/dev/null 2>&1
  fi
  [ -n "$DEPLOY_VAR" ] && rm -rf "$DEPLOY_VAR"
  [ -n "${BENCH_KEEP_RESULTS:-}" ] && { mkdir -p "$BENCH_KEEP_RESULTS"; cp -r "$RESULTS"/. "$BENCH_KEEP_RESULTS"/; }
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export DEBUG=0
export SECRET_KEY="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export CAMPUS_URLCONF=campus.core.bench_urls
export ALLOWED_HOSTS=127.0.0.1
export LOG_LEVEL=WARNING
unset DATABASE_URL REDIS_URL CACHE_KEY_PREFIX MEDIA_ROOT
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v n="$(nproc)" '{ exit !($1 > n / 2) }' /proc/loadavg; then
  echo "bench: WARNING: the machine is busy (load average $LOAD_BEFORE on $(nproc) CPUs): the figures will be low." >&2
fi

# --- what both phases measure ---------------------------------------------------------------------------
check_endpoints() {  # check_endpoints BASE OUT LOG...: every page answers 200 before it is measured
  local base=$1 out=$2; shift 2
  local entry label path mode status size headers
  : > "$out/endpoints.tsv"
  for entry in "${ENDPOINTS[@]}"; do
    read -r label path mode <<<"$entry"
    path=${path//@CERT@/$CERT_CODE}
    headers=(); [ "${mode:-}" = cookie ] && headers=(-H "$COOKIE_HEADER")
    [ "${mode:-}" = session ] && headers=(-H "Cookie: sessionid=$STEP_SESSION")
    read -r status size < <(curl -sS "${headers[@]}" -o /dev/null -w '%{http_code} %{size_download}\n' "$base$path")
    if [ "$status" != 200 ]; then
      echo "bench: $path answered HTTP $status" >&2; for log in "$@"; do tail -n 20 "$log" >&2; done; exit 1
    fi
    printf '%s\t%s\t%s\t%s\n' "$label" "$path" "$status" "$size" >> "$out/endpoints.tsv"
  done
}
run_wrk() {  # run_wrk BASE OUT WARMUP DURATION
  local base=$1 out=$2 warmup=$3 duration=$4
  local entry label path mode headers
  for entry in "${ENDPOINTS[@]}"; do
    read -r label path mode <<<"$entry"
    path=${path//@CERT@/$CERT_CODE}
    headers=(); [ "${mode:-}" = cookie ] && headers=(-H "$COOKIE_HEADER")
    [ "${mode:-}" = session ] && headers=(-H "Cookie: sessionid=$STEP_SESSION")
    echo "wrk $path ${mode:+($mode) }(warm-up $warmup, then $duration)..."
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$warmup" "${headers[@]}" "$base$path" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "${headers[@]}" --latency -s bench/wrk_report.lua "$base$path" > "$out/$label.wrk"
  done
}
run_submissions() {  # run_submissions BASE OUT: the load, then the count of submitted applications in the database
  local base=$1 out=$2
  echo "Full submissions: $SUBMISSIONS applicants, $SUBMIT_CONCURRENCY at a time, each with a 1 MB PDF CV..."
  "$PY" bench/submit_load.py "$base" "$WORK/submit-sessions.txt" "$out/submission.json" \
    --concurrency "$SUBMIT_CONCURRENCY" --pdf-mb 1 >/dev/null
  "$PY" bench/count_submitted.py > "$out/submitted_in_db.txt"
}
prepare_sessions() {
  "$PY" bench/prepare.py $((SUBMISSIONS + 1)) "$WORK/sessions.txt"
  STEP_SESSION=$(head -n 1 "$WORK/sessions.txt")
  # a certificate to verify (@CERT@ in ENDPOINTS) and the time of 25 certificate PDFs (the caller's $out)
  CERT_CODE=$("$PY" bench/certificates_prepare.py "$out/certificates.json")
  tail -n +2 "$WORK/sessions.txt" > "$WORK/submit-sessions.txt"
}
start_sampler() {  # start_sampler OUT MASTER_PID...
  local out=$1; shift
  "$PY" bench/rss_sample.py "$out/rss.json" "$@" &
  SAMPLER_PID=$!
}
stop_sampler() { stop_pid "$SAMPLER_PID"; SAMPLER_PID=""; }

# --- phase 1: SQLite, one gunicorn instance -------------------------------------------------------------
phase1() {
  local out=$RESULTS/1-sqlite
  mkdir -p "$out"
  export CAMPUS_VAR_DIR=$WORK/var
  local port; port=$(free_port)
  local base=http://127.0.0.1:$port
  echo "== Phase 1: SQLite, one instance =="
  echo "Preparing a fresh database in $CAMPUS_VAR_DIR..."
  "$PY" manage.py migrate --noinput -v0
  "$PY" manage.py collectstatic --noinput -v0
  "$PY" manage.py load_seed_edition >/dev/null
  prepare_sessions

  echo "Starting gunicorn ($WORKERS workers) on $base..."
  "$ROOT/.venv/bin/gunicorn" campus.wsgi:application --pythonpath "$ROOT/src" \
    --bind "127.0.0.1:$port" --workers "$WORKERS" --no-control-socket \
    --error-logfile "$WORK/gunicorn.log" --log-level warning &
  GUNICORN_PID=$!
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$base/__bench__/trivial/" 2>/dev/null && break
    kill -0 "$GUNICORN_PID" 2>/dev/null || { cat "$WORK/gunicorn.log" >&2; echo "bench: gunicorn died" >&2; exit 1; }
    sleep 0.2
  done
  start_sampler "$out" "$GUNICORN_PID"
  check_endpoints "$base" "$out" "$WORK/gunicorn.log"
  run_wrk "$base" "$out" "$WARMUP" "$DURATION"
  run_submissions "$base" "$out"
  stop_sampler
  {
    echo "TITLE=SQLite, one instance"
    echo "SETUP=gunicorn, $WORKERS sync workers, on 127.0.0.1; SQLite in a temporary CAMPUS_VAR_DIR; per-process memory cache (LocMemCache), no REDIS_URL"
    echo "INSTANCES=1"; echo "WORKERS=$WORKERS"; echo "DURATION=$DURATION"; echo "WARMUP=$WARMUP"
  } > "$out/phase.env"
  if [ -s "$WORK/gunicorn.log" ]; then echo "--- gunicorn log ---"; tail -20 "$WORK/gunicorn.log"; echo "---"; fi
  stop_pid "$GUNICORN_PID"; GUNICORN_PID=""
  unset CAMPUS_VAR_DIR
}

# --- phase 2: PostgreSQL + Redis, nginx in front of two instances (deploy/up.sh) ------------------------
phase2() {
  local out=$RESULTS/2-postgres
  mkdir -p "$out"
  echo "== Phase 2: PostgreSQL + Redis, nginx, $PG_INSTANCES instances =="
  DEPLOY_VAR=$(mktemp -d /tmp/campus-bench-deploy.XXXXXX)
  echo "Creating the database $PG_DB..."
  createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DB"
  PG_DB_CREATED=1
  export DATABASE_URL=postgres://$PG_USER@$PG_HOST:$PG_PORT/$PG_DB
  export REDIS_URL=$BENCH_REDIS
  export CACHE_KEY_PREFIX=$CACHE_PREFIX
  export LOG_FORMAT=json ACCESS_LOG_LEVEL=WARNING GUNICORN_LOG_LEVEL=warning
  export CAMPUS_WEB_INSTANCES=$PG_INSTANCES GUNICORN_WORKERS=$PG_WORKERS
  local http_port; http_port=$(free_port)
  echo "Starting the deployment (deploy/up.sh $DEPLOY_VAR, nginx on 127.0.0.1:$http_port)..."
  HTTP_PORT=$http_port "$ROOT/deploy/up.sh" "$DEPLOY_VAR" >/dev/null
  local base=http://127.0.0.1:$http_port
  export CAMPUS_VAR_DIR=$DEPLOY_VAR MEDIA_ROOT=$DEPLOY_VAR/media  # what up.sh gave its processes
  prepare_sessions
  local masters=() f
  for f in "$DEPLOY_VAR"/run/web-*.pid; do masters+=("$(cat "$f")"); done
  start_sampler "$out" "${masters[@]}"
  check_endpoints "$base" "$out" "$DEPLOY_VAR"/log/web-*.log "$DEPLOY_VAR/log/nginx-error.log"
  run_wrk "$base" "$out" "$PG_WARMUP" "$PG_DURATION"
  run_submissions "$base" "$out"
  stop_sampler
  {
    echo "TITLE=PostgreSQL + Redis, nginx, $PG_INSTANCES instances"
    echo "SETUP=deploy/up.sh: nginx on 127.0.0.1 in front of $PG_INSTANCES gunicorn instances (deploy/gunicorn.conf.py, $PG_WORKERS sync workers each), 2 task workers; PostgreSQL $(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -Atc 'show server_version' 2>/dev/null | cut -d' ' -f1) (fresh database $PG_DB), Redis $(redis-cli -u "$REDIS_URL" info server 2>/dev/null | sed -n 's/^redis_version:\([^\r]*\).*/\1/p') (cache and cached_db sessions); LOG_FORMAT=json, access records off (ACCESS_LOG_LEVEL=WARNING), nginx access log on"
    echo "INSTANCES=$PG_INSTANCES"; echo "WORKERS=$((PG_INSTANCES * PG_WORKERS))"; echo "DURATION=$PG_DURATION"; echo "WARMUP=$PG_WARMUP"
  } > "$out/phase.env"
  local errs; errs=$(grep -h '"levelname": *"ERROR"\|"level": *"ERROR"\|Traceback' "$DEPLOY_VAR"/log/web-*.log 2>/dev/null | tail -n 5 || true)
  [ -z "$errs" ] || { echo "--- errors in the instances' logs ---"; echo "$errs"; echo "---"; }
  STOP_TIMEOUT=20 "$ROOT/deploy/down.sh" "$DEPLOY_VAR" >/dev/null
  unset DATABASE_URL REDIS_URL CACHE_KEY_PREFIX CAMPUS_VAR_DIR MEDIA_ROOT
}

# --- phase 3: admissions at scale: the ranking board and the release with letters -----------------------
# label, path (relative to the board) of every measured board page
BOARD_PAGES=(
  "board ."
  "board-by-name ?sort=name&order=asc"
  "board-country ?country=FI"
  "board-page-25 ?page=25"
)
start_gunicorn() {  # start_gunicorn PORT LOG: one instance, $WORKERS sync workers, like phase 1
  local port=$1 log=$2
  "$ROOT/.venv/bin/gunicorn" campus.wsgi:application --pythonpath "$ROOT/src" \
    --bind "127.0.0.1:$port" --workers "$WORKERS" --no-control-socket \
    --error-logfile "$log" --log-level warning &
  GUNICORN_PID=$!
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/__bench__/trivial/" 2>/dev/null && break
    kill -0 "$GUNICORN_PID" 2>/dev/null || { cat "$log" >&2; echo "bench: gunicorn died" >&2; exit 1; }
    sleep 0.2
  done
}
admissions_run() {  # admissions_run sqlite|postgres
  local db=$1 out=$RESULTS/3-admissions-$db title setup
  mkdir -p "$out"
  export CAMPUS_VAR_DIR=$WORK/var-admissions-$db
  if [ "$db" = postgres ]; then
    echo "== Phase 3: admissions, PostgreSQL =="
    echo "Creating the database $ADM_DB..."
    createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$ADM_DB"
    ADM_DB_CREATED=1
    export DATABASE_URL=postgres://$PG_USER@$PG_HOST:$PG_PORT/$ADM_DB
    title="Admissions, PostgreSQL"
    setup="PostgreSQL $(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -Atc 'show server_version' 2>/dev/null | cut -d' ' -f1) (fresh database $ADM_DB)"
  else
    echo "== Phase 3: admissions, SQLite =="
    title="Admissions, SQLite"
    setup="SQLite (a fresh database file in a temporary CAMPUS_VAR_DIR)"
  fi
  echo "Preparing: migrate, seed edition, $APPLICATIONS applications with 2 reviews each..."
  "$PY" manage.py migrate --noinput -v0
  "$PY" manage.py collectstatic --noinput -v0
  "$PY" manage.py load_seed_edition >/dev/null
  "$PY" bench/admissions_prepare.py "$out" "$APPLICATIONS" 2
  local call session port base board entry label query url status size rows
  call=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["call_id"])' "$out/prepare.json")
  session=$(head -n 1 "$out/session.txt")
  port=$(free_port); base=http://127.0.0.1:$port; board=$base/staff/admissions/$call/
  echo "Starting gunicorn ($WORKERS workers) on $base..."
  start_gunicorn "$port" "$WORK/gunicorn-admissions-$db.log"
  : > "$out/endpoints.tsv"
  for entry in "${BOARD_PAGES[@]}"; do
    read -r label query <<<"$entry"
    url=$board; [ "$query" = . ] || url=$board$query
    read -r status size < <(curl -sS -H "Cookie: sessionid=$session" -o "$WORK/$label.html" \
      -w '%{http_code} %{size_download}\n' "$url")
    rows=$(grep -c '<tr' "$WORK/$label.html" || true)
    if [ "$status" != 200 ] || [ "$rows" -lt 50 ]; then
      echo "bench: $url answered HTTP $status with $rows table rows (signed in as the manager)" >&2
      tail -n 20 "$WORK/gunicorn-admissions-$db.log" >&2; exit 1
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$label" "${url#"$base"}" "$status" "$size" "$rows" >> "$out/endpoints.tsv"
    echo "wrk $url (-t1 -c$BOARD_CONNECTIONS; warm-up $WARMUP, then $BOARD_DURATION)..."
    wrk -t1 -c"$BOARD_CONNECTIONS" -d"$WARMUP" --timeout 10s -H "Cookie: sessionid=$session" "$url" >/dev/null
    wrk -t1 -c"$BOARD_CONNECTIONS" -d"$BOARD_DURATION" --timeout 10s -H "Cookie: sessionid=$session" --latency \
      -s bench/wrk_report.lua "$url" > "$out/$label.wrk"
  done
  if [ -s "$WORK/gunicorn-admissions-$db.log" ]; then echo "--- gunicorn log ---"; tail -20 "$WORK/gunicorn-admissions-$db.log"; echo "---"; fi
  stop_pid "$GUNICORN_PID"; GUNICORN_PID=""
  echo "CPU time of one board request in the Django process (less distorted by a busy machine)..."
  "$PY" bench/admissions_board_cpu.py "$out" 20
  echo "Release of $DECISIONS admit decisions and their letters..."
  "$PY" bench/admissions_release.py "$out" "$DECISIONS"
  {
    echo "KIND=admissions"; echo "DB=$db"; echo "TITLE=$title"
    echo "SETUP=$setup; gunicorn, $WORKERS sync workers, on 127.0.0.1, DEBUG off; per-process memory cache (LocMemCache), no REDIS_URL"
    echo "WORKERS=$WORKERS"; echo "CONNECTIONS=$BOARD_CONNECTIONS"; echo "DURATION=$BOARD_DURATION"; echo "WARMUP=$WARMUP"
  } > "$out/phase.env"
  if [ "$db" = postgres ]; then
    dropdb --if-exists --force -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$ADM_DB" && ADM_DB_CREATED=""
  fi
  unset CAMPUS_VAR_DIR DATABASE_URL
}
phase3() {
  local db
  for db in $ADMISSIONS_DBS; do admissions_run "$db"; done
}

phase4() {  # the participant area in-process: the roll call, the survey results (bench/survey_results_prepare.py)
  echo "== Phase 4: the participant area, the roll call of a meetup session and the results of a survey with $ATTENDANCE_PARTICIPANTS participants (SQLite) =="
  "$PY" bench/attendance_roll_call.py "$RESULTS/4-attendance" "$ATTENDANCE_PARTICIPANTS" "$ATTENDANCE_REQUESTS"
}

phase5() {
  echo "== Phase 5: coaching, generating the groups of 250 participants (four rounds) =="
  "$PY" bench/coaching_generate.py "$RESULTS/5-coaching" 5
}

phase6() {
  echo "== Phase 6: the participant booklet, the PDF for 25 and ${BENCH_BOOKLET_PARTICIPANTS:-250} participants and the public page (SQLite) =="
  "$PY" bench/booklet_pdf.py "$RESULTS/6-booklet" "${BENCH_BOOKLET_PARTICIPANTS:-250}" 3 50
}

phase7() {
  echo "== Phase 7: forum, ${BENCH_FORUM_REGISTRATIONS:-200} registrations at once (SQLite) =="
  "$PY" bench/forum_registrations.py "$RESULTS/7-forum" "${BENCH_FORUM_REGISTRATIONS:-200}" \
    "${BENCH_FORUM_SEATS:-150}" "${BENCH_FORUM_CONCURRENCY:-8}"
}

phase8() {
  local out=$RESULTS/8-radars
  echo "== Phase 8: radars, the SVG and the list view of a 150-blip radar, importing ${BENCH_RADAR_ROWS:-10000} BYOR rows (SQLite) =="
  mkdir -p "$out"
  # radars_render.py exits 1 when the SVG misses its target (the report says so); any other failure stops here
  "$PY" bench/radars_render.py "$out" "${BENCH_RADAR_RUNS:-9}" || [ -s "$out/radars_render.json" ]
  "$PY" bench/radars_import.py "$out" "${BENCH_RADAR_ROWS:-10000}" 3 > "$out/import.log"
  {
    echo "KIND=radars"
    echo "TITLE=Radars: the picture and the list of 150 blips, a BYOR import of ${BENCH_RADAR_ROWS:-10000} rows"
    echo "LOAD_BEFORE=$LOAD_BEFORE"
    echo "SETUP=In-process: the picture and the list rendered from objects in memory (no database); the import and the radar page on SQLite (a fresh database file), the page through Django's WSGI handler as a gunicorn sync worker calls it, DEBUG off"
  } > "$out/phase.env"
}

phase9() {
  local out=$RESULTS/9-editions
  echo "== Phase 9: editions and strategy, cloning an edition and the strategy PDF (SQLite) =="
  mkdir -p "$out/var"
  # each script exits 1 when it misses its target (the report says so); any other failure stops here
  CAMPUS_VAR_DIR="$out/var" BENCH_JSON="$out/clone.json" "$PY" bench/editions_clone.py "${BENCH_CLONE_RUNS:-5}" \
    || [ -s "$out/clone.json" ]
  BENCH_JSON="$out/strategy_pdf.json" "$PY" bench/strategy_pdf.py "${BENCH_STRATEGY_RUNS:-5}" || [ -s "$out/strategy_pdf.json" ]
  rm -rf "$out/var"
  {
    echo "KIND=editions"
    echo "TITLE=Editions and strategy: cloning an edition, the strategy PDF"
    echo "LOAD_BEFORE=$LOAD_BEFORE"
    echo "SETUP=In-process on SQLite (a fresh database file each); the clone inside a transaction that is rolled back"
  } > "$out/phase.env"
}

for phase in $PHASES; do "phase$phase"; done

{
  echo "NPROC=$(nproc)"
  echo "CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
  echo "MEM=$(free -m | awk '/^Mem:/ {print $2 " MB"}')"
  echo "KERNEL=$(uname -sr)"
  echo "PYTHON=$("$PY" -c 'import platform; print(platform.python_version())')"
  echo "DJANGO=$("$PY" -c 'import django; print(django.get_version())')"
  echo "GUNICORN=$("$PY" -c 'import gunicorn; print(gunicorn.__version__)')"
  echo "NGINX=$(nginx -v 2>&1 | cut -d' ' -f3)"
  echo "WRK=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "LOAD_BEFORE=$LOAD_BEFORE"; echo "LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "THREADS=$THREADS"; echo "CONNECTIONS=$CONNECTIONS"
  echo "SUBMISSIONS=$SUBMISSIONS"; echo "SUBMIT_CONCURRENCY=$SUBMIT_CONCURRENCY"
} > "$RESULTS/facts.env"

echo
"$PY" bench/report.py "$RESULTS" docs/benchmarks.md
