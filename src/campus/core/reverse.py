"""``reverse`` with its answers kept per process (issue 10: faster signed-in pages).

The URL of a name with the same arguments never changes while the URLconf stays the same, and Django's
``reverse`` costs 15–20 µs each; a page asks for about 25 (the header, the footer, the account menu, the steps,
the page links). The answers are kept in a dict that belongs to the URL resolver itself: when the URLconf is
replaced (``override_settings(ROOT_URLCONF=…)``, ``clear_url_caches()``), Django builds a new resolver and the
kept answers go with the old one. The script prefix and the current app (namespaces) are part of the key.

Only plain arguments (``str`` and ``int``) are kept; anything else (a model instance, a lazy string) is
reversed every time, exactly as Django does. A failed reverse is never kept: it raises as before.
"""

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse

KEPT_PER_RESOLVER = 4096  # answers kept per URLconf; beyond that the dict starts again (ids in arguments)


def _plain(values) -> bool:
    return all(isinstance(value, str) or type(value) is int for value in values)


def kept_reverse(view_name, args=(), kwargs=None, current_app=None) -> str:
    """``reverse(view_name, args=…, kwargs=…, current_app=…)``, kept per URL resolver for plain arguments."""
    kwargs = kwargs or {}
    if not isinstance(view_name, str) or not _plain(args) or not _plain(kwargs.values()):
        return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    resolver = get_resolver(get_urlconf())
    kept = resolver.__dict__.get("_campus_kept_reverse")
    if kept is None or len(kept) >= KEPT_PER_RESOLVER:
        kept = resolver.__dict__["_campus_kept_reverse"] = {}
    key = (view_name, tuple(str(arg) for arg in args), tuple(sorted((k, str(v)) for k, v in kwargs.items())),
           current_app, get_script_prefix())
    url = kept.get(key)
    if url is None:
        url = kept[key] = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    return url
