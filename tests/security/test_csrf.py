"""CSRF: a POST without a token is refused (403) on every URL of the matrix and every admin page, for a
visitor, an applicant and a superuser (whose POSTs would otherwise change the most). The only other answer
allowed is 405, where the matrix says that URL takes no POST from that role at all (a view exempt from
CSRF that accepts no POST changes nothing, e.g. the read-only API)."""

import re

import pytest
from django.test import Client

from .http import ask, describe
from .matrix import ADMIN_MODELS, MATRIX
from .urlwalk import admin_urls
from .world import PASSWORD

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "applicant", "superuser")


def _strict_client(world, role) -> Client:
    client = Client(enforce_csrf_checks=True)
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    return client


def _post_urls(world, role):
    for key, cases in MATRIX.items():
        for case in cases:
            yield key, case.url.format(**world.values), case.data, case.POST[role]
    for model, (pages, _has_object) in admin_urls(world).items():
        if model in ADMIN_MODELS:
            for page in ("changelist", "add", "change", "delete", "password"):
                if page in pages:
                    yield f"admin {model} {page}", pages[page], {}, "403"


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_a_post_without_a_csrf_token_is_refused_everywhere(role, world):
    client = _strict_client(world, role)
    failures, checked = [], 0
    for key, url, data, without_csrf in _post_urls(world, role):
        response, _ = ask(client, "POST", url, data)
        checked += 1
        allowed = {"403"} | ({"405"} if without_csrf == "405" else set())
        if str(response.status_code) not in allowed:
            failures.append(f"{role} POST {url} ({key}) without a CSRF token: got {describe(response)}, "
                            f"expected {' or '.join(sorted(allowed))}")
    assert checked > 100
    assert not failures, "\n".join(failures)


def test_the_same_post_with_its_token_gets_through(world, db):
    """The control: the refusals above are CSRF's, not something else's."""
    client = Client(enforce_csrf_checks=True)
    page = client.get("/accounts/login/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    without = client.post("/accounts/login/", {"login": "aino.secret@example.fi", "password": PASSWORD})
    assert without.status_code == 403
    with_token = client.post("/accounts/login/", {"login": "aino.secret@example.fi", "password": PASSWORD,
                                                  "csrfmiddlewaretoken": token})
    assert with_token.status_code == 302 and client.session.get("_auth_user_id")


def test_the_csrf_cookie_is_not_readable_by_scripts(world, db):
    response = Client().get("/accounts/login/")
    assert response.cookies["csrftoken"]["httponly"]
    assert response.cookies["csrftoken"]["samesite"] == "Lax"
