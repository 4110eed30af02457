"""URLconf for `make bench` only (CAMPUS_URLCONF=campus.core.bench_urls): the normal site plus a
trivial view that measures the bare cost of Django + gunicorn on this machine."""

from django.http import HttpResponse
from django.urls import path

from campus.urls import urlpatterns as site_urlpatterns


def trivial(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("__bench__/trivial/", trivial), *site_urlpatterns]
