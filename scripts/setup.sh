#!/usr/bin/env bash
# Create .venv and install the locked dependencies (every package pinned with its sha256: requirements.lock,
# made from requirements.txt by `python -m tests.security.lock`). Does nothing when neither file changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> Creating the virtual environment (.venv)"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(cat requirements.txt requirements.lock | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> Installing the pinned Python packages (about a minute on a fresh clone)"
  .venv/bin/pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all: -r requirements.lock
  .venv/bin/pip check
  echo "$want" > "$stamp"
fi
