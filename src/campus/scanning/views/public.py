"""The public read-only link of a signal (/signals/shared/<token>/): whoever has it reads the signal without
signing in; a revoked or unknown link answers 404. Comments and votes stay with those who may see the signal:
they are other people's words, which the owner cannot make public."""

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from campus.radars import sharing

from .. import selectors


@require_GET
def signal(request, token: str):
    found = selectors.public_signal(token)
    if found is None:
        raise Http404("This link does not open a signal (it may have been revoked).")
    response = render(request, "scanning/public.html", {"signal": found, "owner": sharing.owner_label(found)})
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response
