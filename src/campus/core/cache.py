"""Whole-page caching for public pages, invalidated by the content version (``content_version.py``).

Every public page is the same for every anonymous visitor, so its HTML is cached under a key
that holds the content version, today's date and the page: the host, the route and its arguments,
and only the query parameters the view declares (``@cached_public_page(params=("topic",))``).
Other parameters are taken off the request before the view runs, so a page cannot render
differently for a parameter that is not in its key, and ``?r=<random>`` (or ``/modules/001/`` for
``/modules/1/``) cannot fill the cache with copies of one page. Saving any content model bumps the
version, so no process serves a stale page, whichever cache backend (per-process memory or Redis) is
configured. With Redis, a cached page costs one Redis round trip (the version and the page in one MGET)
and no database query; without it, one query (the version row) and a lookup in the process's memory.
"""

import hashlib
import math
from functools import partial, wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.connection import ConnectionProxy

from . import content_version

# Rendered pages: the "pages" cache (per process without Redis; the rate limits' counters are in "default").
cache = ConnectionProxy(caches, "pages")


def _cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    # A visitor with a session (staff, or someone with a message waiting) gets a fresh page; so does anyone
    # signed in, however (a page for a signed-in person is never stored nor served from here).
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def _keep_declared_parameters(request, declared) -> QueryDict:
    kept = QueryDict(mutable=True)
    for name in sorted(declared):
        if name in request.GET:
            kept.setlist(name, request.GET.getlist(name))
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = kept.urlencode()  # get_full_path() and build_absolute_uri() agree
    return kept


def _page_name(request, args, kwargs, kept: QueryDict) -> str:
    """The page's part of its key (the version goes in front): today's date and a hash of the page."""
    match = request.resolver_match
    page = repr((match.view_name, args, sorted(kwargs.items()))) if match else request.path
    # Hashed: the host, a slug or a parameter's value may be long and hold any character.
    url = f"{request.get_host()}\n{page}\n{kept.urlencode()}"
    return f"{timezone.localdate().isoformat()}:{hashlib.sha256(url.encode()).hexdigest()}"


def _timeout(response) -> int:
    """How long to keep the page: the configured time, but never past ``response.cache_until`` (a moment the page
    changes by itself, e.g. a call's deadline: set by the view); 0 when that moment has passed."""
    timeout = settings.CAMPUS_PAGE_CACHE_SECONDS
    until = getattr(response, "cache_until", None)
    if until is not None:
        timeout = min(timeout, math.ceil((until - timezone.now()).total_seconds()))
    return max(timeout, 0)


def cached_public_page(view=None, *, params=()):
    """Cache the whole response of a public GET view for anonymous visitors.

    ``params``: the query parameters the view reads; they are part of the key. The view sees no other.
    """
    if view is None:
        return partial(cached_public_page, params=params)
    declared = frozenset(params)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        kept = _keep_declared_parameters(request, declared)
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        name = _page_name(request, args, kwargs, kept)
        version, hit = content_version.lookup(lambda v: f"page:{v}:{name}")
        if hit is not None:
            content, content_type, headers = hit
            response = HttpResponse(content, content_type=content_type)
            for name, value in headers.items():
                response.headers[name] = value
            return response
        response = view(request, *args, **kwargs)
        timeout = _timeout(response)
        if response.status_code == 200 and not response.streaming and timeout > 0:
            if hasattr(response, "render") and callable(response.render):
                response.render()
            headers = {k: v for k, v in response.headers.items() if k in ("Content-Disposition",)}
            cache.set(f"page:{version}:{name}", (response.content, response["Content-Type"], headers), timeout)
        return response

    return wrapper
