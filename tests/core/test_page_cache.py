"""The public page cache is keyed by the page (its route and arguments) and only the query parameters the page
declares it reads (issue 9, finding 8): random parameters cannot fill the cache (Redis in production) with
copies of one page, and a page never sees a parameter that is not in its key, so it cannot render differently
for one."""

import secrets

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from campus.core import cache as page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(monkeypatch):
    """The keys the page cache writes, whatever the backend."""
    keys = []
    real = page_cache.cache

    class Recording:
        def get(self, key, default=None):
            return real.get(key, default)

        def set(self, key, value, timeout=None):
            keys.append(key)
            real.set(key, value, timeout)

    monkeypatch.setattr(page_cache, "cache", Recording())
    return keys


def test_random_parameters_store_one_copy_of_a_public_page(client, seeded, stored):
    first = client.get("/modules/")
    assert first.status_code == 200
    for _ in range(100):
        response = client.get("/modules/", {secrets.token_hex(4): secrets.token_hex(8), "r": secrets.token_hex(8)})
        assert response.status_code == 200
        assert response.content == first.content
    assert len(stored) == 1


def test_spellings_of_one_page_argument_share_a_copy(client, seeded, stored):
    pages = [client.get(path) for path in ("/modules/1/", "/modules/01/", "/modules/0001/", "/modules/1/?x=1")]
    assert {page.status_code for page in pages} == {200}
    assert len({page.content for page in pages}) == 1
    assert len(stored) == 1


@pytest.fixture
def topic_page():
    @page_cache.cached_public_page(params=("topic",))
    def view(request):
        return HttpResponse(f"topic={request.GET.get('topic')} r={request.GET.get('r')} "
                            f"full={request.get_full_path()}")

    return view


def test_a_declared_parameter_still_varies_the_page(topic_page, stored):
    factory = RequestFactory()
    first = topic_page(factory.get("/t/", {"topic": "press", "r": "1"}))
    second = topic_page(factory.get("/t/", {"topic": "review", "r": "2"}))
    again = topic_page(factory.get("/t/", {"r": "3", "topic": "press"}))
    assert first.content == b"topic=press r=None full=/t/?topic=press"  # the view never sees r
    assert second.content == b"topic=review r=None full=/t/?topic=review"
    assert again.content == first.content
    assert len(stored) == 2


def test_a_page_without_declared_parameters_sees_none(topic_page, stored):
    @page_cache.cached_public_page
    def view(request):
        return HttpResponse(f"{dict(request.GET)} {request.META['QUERY_STRING']!r}")

    response = view(RequestFactory().get("/p/", {"topic": "press", "utm_source": "x"}))
    assert response.content == b"{} ''"
