#!/usr/bin/env bash
# One task worker (django-tasks-db's db_worker), as deploy/up.sh and deploy/systemd/campus-worker@.service start it.
#
# 1. `manage.py recover_tasks` gives back the tasks that a dead worker left RUNNING (a worker of this machine
#    that is gone: at once; one elsewhere: after CAMPUS_TASK_LEASE_SECONDS). A database that does not answer
#    makes this fail, and the supervisor (systemd, or deploy/respawn.sh) tries again a moment later.
# 2. exec db_worker with the id "<host>:<pid>" (this shell's pid, which exec keeps), so that the next
#    recover_tasks can tell whether the worker behind a RUNNING task is still alive.
# On TERM the worker finishes the task it is running, then exits (give it TimeoutStopSec for that).
# Extra arguments go to db_worker (e.g. --interval 0.5, --queue-name '*').
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${CAMPUS_PYTHON:-$ROOT/.venv/bin/python}
"$PY" "$ROOT/manage.py" recover_tasks -v0
host=$(hostname)
exec "$PY" "$ROOT/manage.py" db_worker --no-reload --worker-id "${host:0:50}:$$" "$@"
