"""The staff bar and the staff home (/staff/), built from the registered staff sections (plugins.staff) and
dashboard panels (plugins.dashboard).

``staff_nav`` is a context processor: ``staff_sections`` yields (title, url, namespace) for the staff bar,
computed only when a template asks. ``home`` shows, per open call, what needs attention now (the panels the
person's roles open), then the same sections with a line on each.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from .plugins import dashboard, staff


def _bar(user):
    return [(section.title, section.url, section.current_namespace) for section in staff.visible_to(user)]


def staff_nav(request):
    """``staff_sections``: (label, url, namespace) for the staff bar; computed only when a template asks."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff and not user.is_superuser:
        return {"staff_sections": ()}

    cached = {}

    class Lazy:
        def __iter__(self):
            if "value" not in cached:
                cached["value"] = _bar(user)
            return iter(cached["value"])

    return {"staff_sections": Lazy()}


@require_GET
def home(request):
    """/staff/: per open call what needs attention now, then what the member of staff may open."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user.is_staff:
        raise Http404("No such page.")
    sections = [(section.title, section.url, section.description) for section in staff.visible_to(user)]
    response = render(request, "staff/home.html", {"sections": sections, "blocks": dashboard.blocks(user)})
    add_never_cache_headers(response)
    return response
