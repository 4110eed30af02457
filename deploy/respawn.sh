#!/usr/bin/env bash
# Keep one command running: start it again a second after it exits, until this script gets TERM or INT.
# The local stand-in for systemd's Restart=always (deploy/up.sh runs the task workers under it: a worker
# exits when the database goes away, and must come back by itself when it returns).
# Usage: respawn.sh COMMAND [ARGS...]   (deploy/down.sh sends TERM to the whole process group:
# the command gets it too and stops gracefully; then this loop ends.)
stop=0
trap 'stop=1' TERM INT
while [ "$stop" = 0 ]; do
  "$@" &
  child=$!
  # `wait` returns early when a trapped signal arrives: wait again until the child has really gone.
  while kill -0 "$child" 2>/dev/null; do wait "$child" 2>/dev/null; done
  [ "$stop" = 0 ] || break
  echo "respawn: '$*' exited; starting it again in 1 s" >&2
  sleep 1 & wait $! 2>/dev/null
done
