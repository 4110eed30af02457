"""Pages for a signed-in person are never stored by a browser or a proxy: ``Cache-Control: private, no-store``.

Walks every URL of the permission matrix (matrix.py) and every Django admin page, for every signed-in role,
GET and POST, whatever the answer (a 200 page, a redirect, a 404, a file). Anonymous public pages keep their
own caching (the public page cache, the API's ``public, no-cache``), and the public page cache never keeps or
serves a page for someone signed in.
"""

import pytest
from django.core.cache import caches
from django.test import Client

from .http import ask
from .world import ROLES

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SIGNED_IN = ROLES[1:]


def _private(response) -> bool:
    directives = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives and "public" not in directives


def _ends_the_session(key: str, method: str) -> bool:
    return key in ("account_logout", "admin:logout") and method == "POST"


@pytest.mark.parametrize("role", SIGNED_IN)
def test_every_page_for_a_signed_in_person_is_private_and_not_stored(role, world, walks):
    failures, answered_200 = [], 0
    walk = walks(role)  # every URL of MATRIX (GET, POST) and every admin page (GET), as the role (walk.py)
    for cell in walk.cells:
        if _ends_the_session(cell.key, cell.method):
            continue
        response = cell.answer
        answered_200 += response.status_code == 200
        if not _private(response):
            failures.append(f"{role} {cell.method} {cell.url} ({cell.key}): {response.status_code}, "
                            f"Cache-Control {response.get('Cache-Control')!r}")
    for admin_page in walk.admin:
        response = admin_page.answer
        if not _private(response):
            failures.append(f"{role} GET {admin_page.url} (admin {admin_page.model} {admin_page.page}): "
                            f"{response.status_code}, Cache-Control {response.get('Cache-Control')!r}")
    assert answered_200 > 10, "the walk reached too few pages to mean anything"
    assert not failures, f"{len(failures)} responses to a signed-in {role} may be stored:\n" + "\n".join(failures)


# (the applicant holds an open offer, so withdrawing moved to the offer's "Decline": its page stands in for
# /apply/withdraw/, which now sends them to the status page)
@pytest.mark.parametrize("url", ["/apply/status/", "/apply/", "/apply/boss-letter/", "/apply/offer/decline/",
                                 "/accounts/email/", "/accounts/password/change/", "/accounts/2fa/"])
def test_the_pages_named_in_the_finding(url, world, clients):
    response, _ = ask(clients["applicant"], "GET", url)
    assert response.status_code == 200
    assert _private(response), response.get("Cache-Control")


def test_anonymous_public_pages_keep_their_public_caching(world):
    for url in ("/", "/modules/", "/schedule/", "/apply/"):
        response = Client().get(url)
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", "") and "private" not in response.get("Cache-Control", "")
    assert Client().get("/api/programme")["Cache-Control"] == "public, no-cache"


def test_the_public_page_cache_never_keeps_or_serves_a_signed_in_persons_page(world):
    """The cache is keyed for anonymous visitors: a request with a signed-in user is neither stored nor served
    from it, even without a session cookie (signed in some other way), and even if the view forgot to say so."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.test import RequestFactory

    from campus.core.cache import cached_public_page

    @cached_public_page
    def page(request):
        return HttpResponse(f"Hello {request.user}")

    for cache in caches.all():
        cache.clear()
    signed_in = RequestFactory().get("/a-public-page/")
    signed_in.user = world.user("applicant")
    assert page(signed_in).content.decode() == f"Hello {world.user('applicant')}"
    anonymous = RequestFactory().get("/a-public-page/")
    anonymous.user = AnonymousUser()
    assert page(anonymous).content.decode() == "Hello AnonymousUser"  # not the applicant's copy
    # and the other way round: the anonymous copy (now cached) is not what a signed-in person gets
    again = RequestFactory().get("/a-public-page/")
    again.user = world.user("other")
    assert page(again).content.decode() == f"Hello {world.user('other')}"
