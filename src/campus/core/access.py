"""One decorator for every staff page: ``staff_page(predicate)``.

- a visitor who is not signed in is sent to the sign-in page (and back afterwards);
- a signed-in person for whom ``predicate`` does not hold gets ``denied`` (404 by default: nothing tells them
  what exists; 403 where the page may say it exists but the action is not theirs);
- the answer is never cached (staff pages hold personal data).

``predicate(user)`` answers for the page as a whole. A page about one object names its loaders:
``load={"call": load_call}`` turns the URL's ``call`` into the object (``None``: 404), passes it to the view
in place of the id, and asks ``predicate(user, call=<the object>)``::

    @staff_page(can_use_outbox)
    def outbox(request): ...

    @staff_page(can_manage_admissions, load={"call": call_or_none})
    def board(request, call): ...
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.cache import add_never_cache_headers


def _deny(denied: int):
    if denied == 403:
        raise PermissionDenied("You may not do this.")
    raise Http404("No such page.")


def staff_page(predicate=None, *, load=None, denied: int = 404):
    """Guard a view with ``predicate`` (None: any signed-in person); see the module's docstring."""
    if denied not in (403, 404):
        raise ValueError("denied is 403 or 404")
    loaders = dict(load or {})

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            objects = {}
            for name, loader in loaders.items():
                objects[name] = loader(kwargs[name])
                if objects[name] is None:
                    raise Http404("No such page.")
            if predicate is not None and not predicate(user, **objects):
                _deny(denied)
            response = view(request, *args, **{**kwargs, **objects})
            add_never_cache_headers(response)
            return response

        wrapper.staff_predicate = predicate
        return wrapper

    return decorator
