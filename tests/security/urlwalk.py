"""Every URL pattern of the project, read from Django's resolver (recursively through includes)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Pattern:
    route: str  # the full route, e.g. "apply/documents/<uuid:pk>/"
    name: str  # "namespace:name", or "" for an unnamed pattern
    view: str  # dotted path of the view, for messages

    @property
    def key(self) -> str:
        """How the matrix refers to it: its name when it has one, else its route."""
        return self.name or self.route


def _view_path(callback) -> str:
    target = getattr(callback, "func", None) or callback  # functools.partial
    target = getattr(target, "view_class", None) or getattr(target, "__wrapped__", None) or target
    return f"{getattr(target, '__module__', '?')}.{getattr(target, '__qualname__', getattr(target, '__name__', '?'))}"


def walk(resolver=None, prefix: str = "", namespace: str = ""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or "")
            yield Pattern(route=prefix + str(entry.pattern), name=name, view=_view_path(entry.callback))


def all_patterns() -> list[Pattern]:
    return list(walk())


def admin_prefix() -> str | None:
    """The route under which the Django admin is mounted ("staff/content/"), found in the resolver."""
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.app_name == "admin" and entry.namespace == "admin":
            return str(entry.pattern)
    return None


def admin_model_of(pattern: Pattern, prefix: str | None) -> str | None:
    """``app_label.model_name`` when the pattern is one of a registered ModelAdmin's own URLs."""
    if not prefix or not pattern.route.startswith(prefix):
        return None
    rest = pattern.route[len(prefix):]
    for model in admin.site._registry:
        if rest.startswith(f"{model._meta.app_label}/{model._meta.model_name}/"):
            return model._meta.label_lower
    return None


def admin_urls(world):
    """model -> (page -> URL) for every model registered in the admin, with a real object of it."""
    prefix = "/" + admin_prefix()
    urls = {}
    for model in admin.site._registry:
        label = model._meta.label_lower
        base = f"{prefix}{model._meta.app_label}/{model._meta.model_name}/"
        obj = model._default_manager.order_by("pk").first()
        if label == "accounts.user":
            obj = world.application.applicant
        pk = obj.pk if obj is not None else 999999
        pages = {"changelist": base, "add": f"{base}add/", "change": f"{base}{pk}/change/",
                 "history": f"{base}{pk}/history/", "delete": f"{base}{pk}/delete/", "shortcut": f"{base}{pk}/"}
        if label == "accounts.user":
            pages["password"] = f"{base}{pk}/password/"
        urls[label] = (pages, obj is not None)
    return urls
