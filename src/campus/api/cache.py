"""Caching of API responses, by the same content version as the public pages (campus.core.cache).

Two layers, one key:

- **Server side**: a 200 response's JSON is kept in the cache under
  ``api:<revision>:<content version>:<hash of path, limit, offset and edition>``. Saving or deleting any content
  row bumps the version (programme/signals.py), so the next request builds a fresh response: a change is
  visible at once, in every process, whichever cache backend is configured.
- **Client side**: every response carries ``ETag: "api<revision>-<content version>"`` and
  ``Cache-Control: public, no-cache`` (keep it, but ask every time). A request with a matching
  ``If-None-Match`` gets ``304 Not Modified`` with no body.

A cached response or a 304 costs what a cached page costs (``campus.core.content_version``): with Redis one
round trip (the version and the response in one MGET) and no query; without it one query (the version). ``API_REVISION`` goes up whenever the
shape of the responses changes, so neither a client nor a shared cache keeps an old shape after a deploy.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.utils.connection import ConnectionProxy
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import urlencode

from campus.core import content_version

# Rendered pages: the "pages" cache (per process without Redis; the rate limits' counters are in "default").
cache = ConnectionProxy(caches, "pages")

API_REVISION = 1
# Query parameters that change a response; any other is ignored by the API, so it is left out of the key
# (and cannot be used to fill the cache with copies of one response).
VARYING_PARAMETERS = ("limit", "offset", "edition")
CACHE_CONTROL = "public, no-cache"


def etag_for(version: int) -> str:
    return f'"api{API_REVISION}-{version}"'


def _request_hash(request) -> str:
    params = sorted((name, values) for name, values in request.GET.lists() if name in VARYING_PARAMETERS)
    # Hashed: a path may hold any character and be long (a slug is free text until it is looked up).
    url = f"{request.path}?{urlencode(params, doseq=True)}"
    return hashlib.sha256(url.encode()).hexdigest()


def _cache_key(version: int, digest: str) -> str:
    return f"api:{API_REVISION}:{version}:{digest}"


def _with_validators(response, etag: str):
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def cached_api_response(run):
    """Wrap a django-ninja operation (``decorate_view(cached_api_response)``) with both layers above."""

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return run(request, *args, **kwargs)
        digest = _request_hash(request)
        version, hit = content_version.lookup(lambda v: _cache_key(v, digest))
        etag = etag_for(version)
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return _with_validators(not_modified, etag)
        if hit is not None:
            content, content_type = hit
            return _with_validators(HttpResponse(content, content_type=content_type), etag)
        response = run(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        cache.set(_cache_key(version, digest), (response.content, response["Content-Type"]), settings.CAMPUS_PAGE_CACHE_SECONDS)
        return _with_validators(response, etag)

    return wrapper
