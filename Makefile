# Cluster Campus — the commands. Each target works on a fresh clone: it installs what is missing.
SHELL := /bin/bash
PORT ?= 8000
PYTHON ?= python3

.PHONY: run test test-sqlite test-postgres bench setup e2e-setup check clean

## Create .venv and install the pinned dependencies (fast when nothing changed).
setup:
	@bash scripts/setup.sh

## Serve the seeded edition on 127.0.0.1:$(PORT): migrate, load the seed, staff account, worker + web server.
run: setup
	@PORT=$(PORT) bash scripts/run.sh

## Every test: SQLite and PostgreSQL at the same time (DATABASE_URL, or a local server on 127.0.0.1:5432), browser tests included (each once: journeys on PostgreSQL, sweeps on SQLite; E2E_BOTH=1: both); logs in var/test-logs/.
test: setup e2e-setup
	@bash scripts/test.sh

## Browser-test prerequisites: Debian's Chromium and axe-core from npm.
e2e-setup:
	@bash scripts/e2e_setup.sh

## Benchmarks: prints a table and writes docs/benchmarks.md.
bench: setup
	@bash scripts/bench.sh

check: setup
	@.venv/bin/python manage.py check

clean:
	rm -rf var/static .pytest_cache
