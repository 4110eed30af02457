"""Staff pages of communications (being built)."""

from django.http import Http404


def home(request):
    raise Http404("Not built yet.")
