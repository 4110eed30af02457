#!/usr/bin/env bash
# Start Cluster Campus as it runs on several machines, on this one: nginx in front of two gunicorn
# instances (2 workers each), two task workers, PostgreSQL (DATABASE_URL) and Redis (REDIS_URL) behind.
#
#   DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/0 deploy/up.sh [VAR_DIR]
#   deploy/down.sh VAR_DIR
#
# VAR_DIR (default: a new folder under $TMPDIR) gets everything the deployment writes: run/ (pid files),
# log/ (one file per process, JSON lines), static/ (collectstatic), media/, mail/ (with the default mail
# backend), nginx/ (the rendered configuration), campus.env (the environment every process got).
# It runs the release steps first (migrate, collectstatic, the seed edition), then starts everything and
# waits until /healthz answers 200 through nginx. On failure it stops what it started and exits 1.
#
# Knobs (environment): HTTP_PORT (8080, nginx), APP_PORTS (e.g. "8101 8102"; free ports when unset),
# CAMPUS_WEB_INSTANCES (2), GUNICORN_WORKERS (2), CAMPUS_TASK_WORKERS (2), CAMPUS_LOAD_SEED (1),
# UP_TIMEOUT (60 s), and every setting of docs/configuration.md (SECRET_KEY: generated once and kept in
# VAR_DIR/secret_key when unset; EMAIL_BACKEND: .eml files in VAR_DIR/mail unless EMAIL_HOST is set).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${CAMPUS_PYTHON:-$ROOT/.venv/bin/python}
GUNICORN=$(dirname "$PY")/gunicorn

die() { echo "up.sh: $*" >&2; exit 1; }

[ -x "$PY" ] || die "no Python at $PY: run 'make setup' first."
[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL must be set (PostgreSQL, shared by every process)."
case "$DATABASE_URL" in
  postgres://*|postgresql://*|pgsql://*) ;;
  *) die "DATABASE_URL must point to PostgreSQL: several processes write at once." ;;
esac
if [ -z "${REDIS_URL:-}" ]; then
  echo "up.sh: note: REDIS_URL is unset: rate limits are counted in the database cache (campus_cache), public pages are cached per process." >&2
fi

if ! command -v nginx >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "nginx is missing: apt-get install nginx"
  echo "up.sh: installing Debian's nginx"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q nginx >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q nginx >/dev/null; }
fi
NGINX=$(command -v nginx)

VAR=${1:-}
if [ -z "$VAR" ]; then
  VAR=$(mktemp -d "${TMPDIR:-/tmp}/campus-deploy.XXXXXX")
fi
mkdir -p "$VAR"
VAR=$(cd "$VAR" && pwd)
RUN=$VAR/run
LOG=$VAR/log
NGX=$VAR/nginx
mkdir -p "$RUN" "$LOG" "$NGX/tmp"

for pidfile in "$RUN"/*.pid; do
  [ -e "$pidfile" ] || continue
  if kill -0 -- "-$(cat "$pidfile")" 2>/dev/null; then
    die "$(basename "$pidfile" .pid) is already running from $VAR: deploy/down.sh $VAR first."
  fi
  rm -f "$pidfile"
done

started=0
on_exit() {
  if [ "$started" != done ]; then
    echo "up.sh: failed; stopping what was started. Logs in $LOG:" >&2
    for f in "$LOG"/*.log; do [ -s "$f" ] && { echo "--- $f" >&2; tail -n 15 "$f" >&2; }; done
    "$ROOT/deploy/down.sh" "$VAR" >&2 || true
  fi
}
trap on_exit EXIT

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
INSTANCES=${CAMPUS_WEB_INSTANCES:-2}
TASK_WORKERS=${CAMPUS_TASK_WORKERS:-2}
HTTP_PORT=${HTTP_PORT:-8080}
read -r -a PORTS <<<"${APP_PORTS:-}"
while [ "${#PORTS[@]}" -lt "$INSTANCES" ]; do PORTS+=("$(free_port)"); done

# --- the environment every process gets ------------------------------------------------------------
export CAMPUS_VAR_DIR=$VAR
export DEBUG=0
export BEHIND_PROXY=1
export LOG_FORMAT=${LOG_FORMAT:-json}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export MEDIA_ROOT=${MEDIA_ROOT:-$VAR/media}
export GUNICORN_WORKERS=${GUNICORN_WORKERS:-2}
if [ -z "${SECRET_KEY:-}" ]; then
  if [ ! -s "$VAR/secret_key" ]; then
    (umask 077; "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$VAR/secret_key")
  fi
  SECRET_KEY=$(cat "$VAR/secret_key")
fi
export SECRET_KEY
if [ -z "${EMAIL_BACKEND:-}" ] && [ -z "${EMAIL_HOST:-}" ]; then
  export EMAIL_BACKEND=campus.core.mail.EmlFileBackend  # nothing listens on localhost:25 here
fi
(
  umask 077
  for name in DATABASE_URL REDIS_URL CACHE_KEY_PREFIX SECRET_KEY DEBUG BEHIND_PROXY LOG_FORMAT LOG_LEVEL ALLOWED_HOSTS \
      CSRF_TRUSTED_ORIGINS HTTPS CAMPUS_VAR_DIR MEDIA_ROOT EMAIL_BACKEND EMAIL_HOST EMAIL_PORT DEFAULT_FROM_EMAIL \
      CAMPUS_CONTACT_RATE CAMPUS_TASK_LEASE_SECONDS GUNICORN_WORKERS S3_BUCKET S3_ENDPOINT_URL; do
    if [ -n "${!name:-}" ]; then printf '%s=%s\n' "$name" "${!name}"; fi
  done > "$VAR/campus.env"
)

# --- release steps (on several machines: once, from one of them, before the new code starts) -------
cd "$ROOT"
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py collectstatic --noinput -v0
if [ "${CAMPUS_LOAD_SEED:-1}" = 1 ]; then "$PY" manage.py load_seed_edition >/dev/null; fi

# nginx's workers run as www-data when nginx starts as root: they must reach STATIC_ROOT (not private media).
USER_LINE=""
if [ "$(id -u)" = 0 ] && id www-data >/dev/null 2>&1; then
  USER_LINE="user www-data;"
  chmod o+x "$VAR"
  chown -R www-data "$NGX/tmp"
  runuser -u www-data -- test -r "$VAR/static" -a -x "$VAR/static" \
    || die "nginx's user www-data cannot read $VAR/static: choose a VAR_DIR that other users can reach."
fi

# --- nginx configuration ---------------------------------------------------------------------------
UPSTREAM=""
for port in "${PORTS[@]:0:$INSTANCES}"; do
  UPSTREAM+="    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'
done
render() {  # render TEMPLATE OUTPUT NAME=VALUE...
  "$PY" - "$@" <<'PYEOF'
import re, sys
from pathlib import Path
template, output, *pairs = sys.argv[1:]
text = Path(template).read_text()
for pair in pairs:
    name, _, value = pair.partition("=")
    text = text.replace(f"@{name}@", value)
left = re.findall(r"@[A-Z_]+@", "\n".join(line.split("#")[0] for line in text.splitlines()))
if left:
    sys.exit(f"up.sh: {output}: no value for {', '.join(left)}")
Path(output).write_text(text)
PYEOF
}
render "$ROOT/deploy/nginx/campus.conf.template" "$NGX/campus.conf" \
  "UPSTREAM_SERVERS=${UPSTREAM%$'\n'}" "LISTEN=127.0.0.1:$HTTP_PORT" "SERVER_NAME=_" \
  "STATIC_ROOT=$VAR/static" "MEDIA_ROOT=$MEDIA_ROOT" "ACCESS_LOG=$LOG/nginx-access.log"
render "$ROOT/deploy/nginx/nginx.conf.template" "$NGX/nginx.conf" \
  "USER_LINE=$USER_LINE" "RUN_DIR=$NGX" "LOG_DIR=$LOG" "NGINX_DIR=$NGX"
"$NGINX" -t -q -p "$NGX/" -c "$NGX/nginx.conf" -e "$LOG/nginx-error.log" 2>>"$LOG/nginx-error.log" \
  || die "nginx rejects $NGX/nginx.conf (see $LOG/nginx-error.log)"

wait_healthy() {  # wait_healthy URL: until it answers 200, at most UP_TIMEOUT seconds
  "$PY" - "$1" "${UP_TIMEOUT:-60}" <<'PYEOF'
import sys, time, urllib.request
url, timeout = sys.argv[1], float(sys.argv[2])
deadline = time.monotonic() + timeout
while True:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            if response.status == 200:
                sys.exit(0)
    except Exception:
        pass
    if time.monotonic() > deadline:
        sys.exit(1)
    time.sleep(0.1)
PYEOF
}

# --- start: each process in its own session, so down.sh (and the fault tests) can signal its group --
start() {  # start NAME COMMAND...
  local name=$1; shift
  setsid "$@" >>"$LOG/$name.log" 2>&1 </dev/null &
  echo $! > "$RUN/$name.pid"
}
for i in $(seq 1 "$INSTANCES"); do
  GUNICORN_PROC_NAME=campus-web-$i start "web-$i" "$GUNICORN" -c "$ROOT/deploy/gunicorn.conf.py" \
    --bind "127.0.0.1:${PORTS[$((i - 1))]}" --no-control-socket
done
# nginx would mark an instance that is still booting as failed for fail_timeout: wait for each first.
for port in "${PORTS[@]:0:$INSTANCES}"; do
  wait_healthy "http://127.0.0.1:$port/healthz" || die "the instance on port $port did not answer /healthz"
done
for i in $(seq 1 "$TASK_WORKERS"); do
  start "worker-$i" "$ROOT/deploy/respawn.sh" "$ROOT/deploy/worker.sh"
done
start nginx "$NGINX" -p "$NGX/" -c "$NGX/nginx.conf" -e "$LOG/nginx-error.log"
wait_healthy "http://127.0.0.1:$HTTP_PORT/healthz" || die "/healthz did not answer 200 through nginx"

{
  echo "HTTP_PORT=$HTTP_PORT"
  echo "APP_PORTS=\"${PORTS[*]:0:$INSTANCES}\""
  echo "VAR_DIR=$VAR"
} > "$RUN/ports.env"
started=done
echo "Cluster Campus is up: http://127.0.0.1:$HTTP_PORT/ (nginx) -> gunicorn on ${PORTS[*]:0:$INSTANCES}, $TASK_WORKERS task workers."
echo "Logs: $LOG/   Stop: deploy/down.sh $VAR"
