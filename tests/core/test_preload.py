"""gunicorn loads the application once, in the master, and forks the workers from it (deploy/gunicorn.conf.py,
``preload_app``). That is only safe if loading the application opens nothing a forked worker would share with
its siblings: no database connection, no cache (Redis) connection, no thread. Checked in a fresh process that
loads the WSGI application as the master does, with the production settings, PostgreSQL when this pass has it
and Redis as the cache.
"""

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, threading
import campus.wsgi  # what gunicorn's master imports (wsgi_app in deploy/gunicorn.conf.py)
from django.conf import settings
from django.core.cache import caches
from django.db import connections
opened = list(caches.all(initialized_only=True))
print(json.dumps({
    "databases": [alias for alias in connections if connections[alias].connection is not None],
    "redis_pools": sum(len(getattr(cache._cache, "_pools", {})) for cache in opened if "_cache" in vars(cache)),
    "threads": [thread.name for thread in threading.enumerate() if thread is not threading.main_thread()],
    "cache_backend": settings.CACHES["pages"]["BACKEND"],
    "url_patterns_compiled": __import__("django.urls").urls.get_resolver()._populated,
}))
"""


def test_loading_the_application_opens_no_connection_and_no_thread(tmp_path):
    env = {
        **os.environ, "DEBUG": "0", "SECRET_KEY": "preload-" + "x" * 50, "ALLOWED_HOSTS": "127.0.0.1",
        "CAMPUS_VAR_DIR": str(tmp_path), "REDIS_URL": "redis://127.0.0.1:6379/0", "PYTHONPATH": str(ROOT / "src"),
    }
    result = subprocess.run([sys.executable, "-W", "ignore", "-c", PROBE], cwd=ROOT / "src", env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["cache_backend"].endswith("RedisCache")  # the probe really ran with Redis as the cache
    assert loaded["databases"] == []
    assert loaded["redis_pools"] == 0
    assert loaded["threads"] == []
    # every view imported and every pattern compiled at load, not on a worker's first request (campus/wsgi.py)
    assert loaded["url_patterns_compiled"] is True


def test_the_gunicorn_configuration_preloads_the_application():
    namespace: dict = {"__file__": str(ROOT / "deploy" / "gunicorn.conf.py")}
    exec(compile((ROOT / "deploy" / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)
    assert namespace["preload_app"] is True
    assert namespace["wsgi_app"] == "campus.wsgi:application"
    frozen = gc.get_freeze_count()
    try:
        namespace["pre_fork"](None, None)  # the master, before each fork: its objects out of the collector's sight
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
