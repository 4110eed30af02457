#!/usr/bin/env bash
# Stop what deploy/up.sh started from VAR_DIR, gracefully, in the order that loses nothing:
#   1. nginx (QUIT): takes no new connections, finishes the requests it is proxying;
#   2. the gunicorn instances (TERM to each master): workers finish their requests (graceful_timeout);
#      at the same time, the task workers (TERM): each finishes the task it is running, then exits.
# Whatever is still alive after STOP_TIMEOUT seconds (default 40) per step gets KILL.
#   deploy/down.sh VAR_DIR
set -uo pipefail
VAR=${1:?usage: deploy/down.sh VAR_DIR}
RUN=$VAR/run
TIMEOUT=${STOP_TIMEOUT:-40}

alive() { kill -0 -- "-$1" 2>/dev/null; }  # is anything left in process group $1?

stop() {  # stop SIGNAL TARGET(group|leader) NAME...
  local sig=$1 target=$2; shift 2
  local -a pids=() names=()
  local name pid
  for name in "$@"; do
    [ -s "$RUN/$name.pid" ] || continue
    pid=$(cat "$RUN/$name.pid")
    if alive "$pid"; then
      if [ "$target" = group ]; then kill -s "$sig" -- "-$pid" 2>/dev/null; else kill -s "$sig" "$pid" 2>/dev/null; fi
      pids+=("$pid"); names+=("$name")
    fi
    rm -f "$RUN/$name.pid"
  done
  local deadline=$((SECONDS + TIMEOUT)) i
  for i in "${!pids[@]}"; do
    while alive "${pids[$i]}" && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    if alive "${pids[$i]}"; then
      echo "down.sh: ${names[$i]} did not stop within ${TIMEOUT}s: KILL" >&2
      kill -s KILL -- "-${pids[$i]}" 2>/dev/null
    fi
  done
}

shopt -s nullglob
webs=(); workers=()
for f in "$RUN"/web-*.pid; do webs+=("$(basename "$f" .pid)"); done
for f in "$RUN"/worker-*.pid; do workers+=("$(basename "$f" .pid)"); done

stop QUIT leader nginx
# The instances and the task workers do not need each other to stop: both at once.
[ ${#webs[@]} -eq 0 ] || stop TERM leader "${webs[@]}" &
[ ${#workers[@]} -eq 0 ] || stop TERM group "${workers[@]}" &
wait
# Anything else up.sh recorded (nothing today), and leftovers in the groups above.
for f in "$RUN"/*.pid; do stop TERM group "$(basename "$f" .pid)"; done
echo "down.sh: stopped the deployment in $VAR"
