"""The selection assistant (being built)."""

from django.http import Http404


def assistant(request, call):
    raise Http404("Not built yet.")
