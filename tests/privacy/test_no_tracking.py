"""No tracking: the public pages set no cookie for anonymous visitors, except csrftoken where a form is shown,
and load nothing from another origin (the browser tests check the requests too)."""

import re

import pytest
from django.test import Client

from campus.programme.models import Page

PUBLIC_PATHS = [
    "/", "/modules/", "/modules/1/", "/modules/4/", "/schedule/", "/schedule.ics", "/modules/1/schedule.ics",
    "/admission/", "/convince-your-boss/", "/about/", "/contact/", "/contact/thanks/",
    "/apply/", "/apply/boss-letter/",
    "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/",
    "/no-such-page/",
]
POST_FORM = re.compile(r"<form\b[^>]*\bmethod=[\"']?post", re.IGNORECASE)
FOREIGN = re.compile(r"""\b(?:src|href|action|srcset|poster|data)=["']?\s*(?:https?:)?//""", re.IGNORECASE)


def pages():
    return PUBLIC_PATHS + [page.get_absolute_url() for page in Page.objects.all()]


@pytest.mark.django_db
def test_public_pages_set_no_cookie_but_csrftoken_where_a_form_is_shown(seeded, call):
    checked, with_csrf = 0, set()
    for path in pages():
        for attempt in ("first", "cached"):
            client = Client()
            # followed: a page may send on to its current version (/booklet/ -> /booklet/<edition>/), never
            # elsewhere; the cookies are those of every response on the way
            response = client.get(path, follow=True)
            assert response.status_code in (200, 404), (path, response.status_code)
            assert all(url.startswith("/") for url, _status in response.redirect_chain), (path, response.redirect_chain)
            cookies = set(client.cookies)
            html = response.content.decode("utf-8", "replace")
            has_form = bool(POST_FORM.search(html))
            assert cookies <= {"csrftoken"}, f"{path} ({attempt}) sets {sorted(cookies)}"
            if "csrftoken" in cookies:
                assert has_form, f"{path} sets csrftoken without showing a form"
                with_csrf.add(path)
            checked += 1
    assert checked >= 2 * len(PUBLIC_PATHS)
    assert {"/contact/", "/accounts/login/"} <= with_csrf  # the forms do get their token


@pytest.mark.django_db
def test_public_pages_load_nothing_from_another_origin(seeded, call):
    for path in pages():
        response = Client().get(path)
        if "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode("utf-8", "replace")
        # Links to other sites in the text are fine (a partner's website); nothing may be *loaded* from one.
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio|object|embed)\b[^>]*>", html, re.I):
            assert not FOREIGN.search(tag), f"{path} loads from another origin: {tag}"


@pytest.mark.django_db
def test_signed_in_pages_add_only_the_session(seeded, call, django_user_model):
    user = django_user_model.objects.create_user(email="visitor@example.org", password="a-long-password-1")
    client = Client()
    client.force_login(user)
    for path in ("/", "/my-data/", "/apply/"):
        response = client.get(path)
        assert set(response.cookies) <= {"csrftoken", "sessionid"}, (path, sorted(response.cookies))
