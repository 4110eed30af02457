"""gunicorn settings for one Cluster Campus instance (deploy/up.sh, deploy/systemd/campus-web@.service).

The bind address comes from the command line (``--bind 127.0.0.1:8101``); everything else from here and
the environment: GUNICORN_WORKERS (2), GUNICORN_TIMEOUT (30 s), GUNICORN_GRACEFUL_TIMEOUT (30 s),
LOG_FORMAT (json: gunicorn's own messages as JSON lines too, like the application's).
"""

import gc
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # campus.core.logging, for the JSON formatter below

wsgi_app = "campus.wsgi:application"
chdir = str(ROOT / "src")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
# A request running longer than this is killed (its worker is replaced); nginx's proxy_read_timeout is longer.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On TERM (systemctl stop, deploy/down.sh) workers finish the requests they have for up to this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Replace each worker now and then: caps the effect of any slow memory growth.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# The application is loaded once, in the master, and every worker is forked from it: replacing a worker
# (max_requests, a crash, a timeout) takes milliseconds instead of a ~1.5 s import during which the instance
# serves on fewer workers (both of an instance's workers reach max_requests at about the same time: without
# this, `make bench` phase 2 saw p99 of 1.5 s and client timeouts there), and the loaded code is shared
# copy-on-write. Nothing opens a database or Redis connection at import (tests/security/test_production.py).
# So HUP re-reads this file but keeps the loaded code: deploy new code by restarting the instance.
# (campus/wsgi.py also imports every view and compiles the URL patterns at load, ~0.4 s a worker otherwise
# spent on its first request.)
preload_app = True


def pre_fork(server, worker):
    """Move everything the master has loaded out of the garbage collector's sight before forking: otherwise a
    new worker's first collections walk every object inherited from the master, writing to (and so copying)
    every memory page that holds one. Measured: a worker replaced at max_requests made the p99 of the trivial
    view 298 ms, with this 34 ms (wrk -t2 -c50, 15 replacements in 10 s)."""
    gc.freeze()
# gunicorn 27 opens a control socket in $HOME by default; several instances on one machine would share it.
control_socket_disable = True
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# nginx logs every request, and the application writes one JSON access record per request (campus.request).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = os.environ.get("GUNICORN_PROC_NAME", "campus")

if os.environ.get("LOG_FORMAT", "text").strip().lower() == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "campus.core.logging.JsonFormatter"}},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
        },
        "root": {"level": "WARNING", "handlers": []},
        "loggers": {
            "gunicorn.error": {"level": loglevel.upper(), "handlers": ["console"], "propagate": False},
            "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
        },
    }
