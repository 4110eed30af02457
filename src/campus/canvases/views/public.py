"""A canvas's public link (/canvases/shared/<token>/): read-only, without signing in; a revoked link is 404."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors


@require_GET
def canvas(request, token: str):
    found = selectors.by_token(token)
    if found is None:
        raise Http404("No such canvas.")
    response = render(request, "canvases/public.html", {"canvas": found, "boxes": selectors.boxes_with_items(found)})
    response["X-Robots-Tag"] = "noindex"
    return response
