#!/usr/bin/env bash
# Serve the seeded edition: migrate, collect static files, load the seed edition, make or refresh the
# staff account, then the task worker in the background and gunicorn on 127.0.0.1:$PORT in front.
# Called by `make run` (after `make setup`). Environment: PORT (8000), DEBUG (1: mail goes to var/mail/),
# DATABASE_URL (SQLite under var/ when unset), CAMPUS_ADMIN_EMAIL / CAMPUS_ADMIN_PASSWORD.
# One line per stage, one block at the end; Ctrl+C stops the worker, the job loop and the server, exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBUG="${DEBUG:-1}"
PORT="${PORT:-8000}"
PY=.venv/bin/python

echo "==> Updating the database"
$PY manage.py migrate --noinput --verbosity 0
echo "==> Collecting static files"
$PY manage.py collectstatic --noinput --verbosity 0
echo "==> Loading the seed edition"
$PY manage.py load_seed_edition >/dev/null
echo "==> Making the staff account"
account=$($PY manage.py ensure_staff_account)

pids=()
stop() {
  trap - EXIT INT TERM
  echo
  echo "==> Stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  exit 0
}
trap stop INT TERM
trap 'for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done' EXIT

# The children ignore Ctrl+C (the terminal sends it to the whole group); this script stops them itself, in order.
echo "==> Starting the task worker and the periodic jobs"
(trap '' INT; exec $PY manage.py db_worker --no-reload >>"${CAMPUS_VAR_DIR:-var}/worker.log" 2>&1) &
pids+=($!)
# The periodic jobs (campus.core.periodic): release decisions when due, expire offers, reminders, lost mail tasks.
(trap '' INT; exec $PY manage.py tick --loop 60 >/dev/null 2>>"${CAMPUS_VAR_DIR:-var}/worker.log") &
pids+=($!)
echo "==> Starting the web server"
(trap '' INT; exec .venv/bin/gunicorn campus.wsgi --chdir src --bind "127.0.0.1:${PORT}" --workers 2 \
  --no-control-socket --log-level warning) &
pids+=($!)

cat <<BLOCK

  Cluster Campus is running.
    Site:         http://127.0.0.1:${PORT}/
    Staff area:   http://127.0.0.1:${PORT}/staff/
    ${account}
    Mail:         files in ${CAMPUS_VAR_DIR:-var}/mail/*.eml (DEBUG=${DEBUG}), and the staff outbox
    Task log:     ${CAMPUS_VAR_DIR:-var}/worker.log
  Press Ctrl+C to stop.

BLOCK
wait "${pids[2]}"
