"""Who gets into the staff pages of admissions: the managers of the call's edition (one decorator for all)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.utils.cache import add_never_cache_headers

from campus.applications.models import Call

from ..permissions import can_manage_admissions


def signed_in(view):
    """Visitors are sent to sign in; pages are never cached (they hold personal data)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper


def manager_of_call(view):
    """The call (``call`` in the URL) must be one the person manages; else 404 (nothing tells what exists)."""

    @signed_in
    @wraps(view)
    def wrapper(request, call, *args, **kwargs):
        found = Call.objects.select_related("edition__programme").filter(pk=call).first()
        if found is None or not can_manage_admissions(request.user, found):
            raise Http404("No such page.")
        return view(request, found, *args, **kwargs)

    return wrapper
