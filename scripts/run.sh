#!/usr/bin/env bash
# Serve the seeded edition: migrate, collect static files, load the seed edition, make or refresh the
# staff account, then the task worker in the background and gunicorn on 127.0.0.1:$PORT in front.
# Called by `make run` (after `make setup`). Environment: PORT (8000), DEBUG (1: mail goes to var/mail/),
# DATABASE_URL (SQLite under var/ when unset), CAMPUS_ADMIN_EMAIL / CAMPUS_ADMIN_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBUG="${DEBUG:-1}"
PORT="${PORT:-8000}"
PY=.venv/bin/python

$PY manage.py migrate --noinput
$PY manage.py collectstatic --noinput --verbosity 0
$PY manage.py load_seed_edition
$PY manage.py ensure_staff_account

worker_pid=""
server_pid=""
tick_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  if [ -n "$tick_pid" ]; then kill "$tick_pid" 2>/dev/null || true; fi
  if [ -n "$worker_pid" ]; then
    kill "$worker_pid" 2>/dev/null || true
    wait "$worker_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

$PY manage.py db_worker --no-reload &
worker_pid=$!
# The periodic jobs (campus.core.periodic): release decisions when due, expire offers, reminders, lost mail tasks.
$PY manage.py tick --loop 60 >/dev/null &
tick_pid=$!

echo
echo "Cluster Campus:  http://127.0.0.1:${PORT}/"
echo "Staff login:     http://127.0.0.1:${PORT}/staff/"
echo "Development mail (DEBUG=${DEBUG}): var/mail/*.eml"
echo "Press Ctrl+C to stop."
echo

.venv/bin/gunicorn campus.wsgi \
  --chdir src \
  --bind "127.0.0.1:${PORT}" \
  --workers 2 \
  --no-control-socket \
  --access-logfile - &
server_pid=$!
wait "$server_pid"
