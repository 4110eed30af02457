"""``{% kept_per_content_version %}`` (campus.core.templatetags.campus): the site's navigation and footer are
rendered once per content version and the values named, and kept in the process; a change of content shows at
once, the current page is still marked, and nothing of one visitor ends up in another's page."""

import re

import pytest
from django.template import engines
from django.test import Client

from campus.core import content_version
from campus.programme.models import Page

pytestmark = pytest.mark.django_db
SOURCE = ('{% load campus %}{% kept_per_content_version "test" a %}{{ a }}-{{ b }}{% endkept_per_content_version %}'
          "|{{ b }}")


def render(**context) -> str:
    return engines["django"].from_string(SOURCE).render(context)


def in_a_request(function):
    # what request_started and request_finished do (sending them would also close the test's connection)
    content_version._started()
    try:
        return function()
    finally:
        content_version._finished()


def test_the_part_is_kept_per_value_and_per_content_version():
    assert in_a_request(lambda: (render(a=1, b=1), render(a=1, b=2), render(a=2, b=2))) == (
        "1-1|1", "1-1|2",  # kept: b is not one of the values named (what is outside the tag is rendered)
        "2-2|2")
    content_version.bump()
    assert in_a_request(lambda: render(a=1, b=3)) == "1-3|3"  # the version moved on: rendered anew


def test_outside_a_request_it_is_rendered_every_time():
    assert (render(a=1, b=1), render(a=1, b=2)) == ("1-1|1", "1-2|2")


def _chrome(html: str) -> str:
    """The navigation and the footer of a page."""
    nav = re.search(r'<nav id="site-nav".*?</nav>', html, re.S).group(0)
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    return nav + footer


def _client(django_user_model, email):
    client = Client()
    client.force_login(django_user_model.objects.create_user(email=email, password="a-long-password-1",
                                                             full_name=email.split("@")[0]))
    return client


def test_the_kept_navigation_marks_the_current_page_and_carries_nobody_s_data(seeded, django_user_model):
    aino, ben = _client(django_user_model, "aino@example.fi"), _client(django_user_model, "ben@example.se")
    pages = {}
    for path, current in (("/modules/", "/modules/"), ("/schedule/", "/schedule/"), ("/modules/", "/modules/")):
        for who, client in (("aino", aino), ("ben", ben)):
            html = client.get(path).content.decode()
            chrome = _chrome(html)
            assert re.findall(r'<a href="([^"]+)" aria-current="page"', chrome) == [current]
            assert "aino" not in chrome and "ben" not in chrome
            assert f"{who}@" in html  # the account menu (not kept) is the visitor's own
            pages[(path, who)] = chrome
    assert pages[("/modules/", "aino")] == pages[("/modules/", "ben")]


def test_a_renamed_footer_page_shows_on_the_next_signed_in_page(seeded, django_user_model):
    aino = _client(django_user_model, "aino@example.fi")
    page = Page.objects.filter(programme=seeded.programme, show_in_footer=True).first()
    assert page.title in _chrome(aino.get("/schedule/").content.decode())
    page.title = "Data protection"
    page.save()
    assert "Data protection" in _chrome(aino.get("/schedule/").content.decode())
