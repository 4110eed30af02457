"""``/healthz``: does this process reach its database and its cache? For load balancers and deploy scripts.

200 ``{"database": "ok", "cache": "ok"}`` when the default database answers ``SELECT 1`` and the cache gives
back a key just written; 503 with ``"error"`` for the failing part otherwise (the cause goes to the log,
never to the client). Cheap (one query, two cache calls), never cached, no authentication. Settings
exempt it from the HTTPS redirect so that a plain-HTTP health probe gets an answer.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("healthz: the database does not answer", exc_info=True)
        return False


def _cache_ok() -> bool:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, key, timeout=5)
        return cache.get(key) == key
    except Exception:
        logger.warning("healthz: the cache does not answer", exc_info=True)
        return False


@never_cache
@require_safe
def healthz(request):
    checks = {
        "database": "ok" if _database_ok() else "error",
        "cache": "ok" if _cache_ok() else "error",
    }
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)
