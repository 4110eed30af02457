#!/usr/bin/env bash
# Browser-test prerequisites: Debian's Chromium (driven by Playwright) and axe-core from npm.
# Idempotent and quick when everything is already there. Runs as root on CI and dev machines.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "e2e-setup: need root to install $* (apt-get); install it and re-run." >&2
    exit 1
  fi
  if [ "$apt_updated" = 0 ]; then
    apt-get update -q
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e-setup: installing Debian's chromium"
  apt_install chromium
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "e2e-setup: installing node and npm"
  apt_install nodejs npm
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
fi

test -f node_modules/axe-core/axe.min.js || { echo "e2e-setup: axe-core missing after npm install" >&2; exit 1; }
