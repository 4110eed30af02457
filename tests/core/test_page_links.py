"""The programme's benefits page offers the letter for the employer through a link the applications app
registers (core.plugins.links): programme names no URL of an app above it."""

import pytest
from django.core.cache import caches

from campus.core.plugins import links

pytestmark = pytest.mark.django_db


def test_the_benefits_page_links_to_the_boss_letter_only_while_registered(client, seeded):
    assert 'href="/apply/boss-letter/"' in client.get("/convince-your-boss/").content.decode()
    links.unregister("boss_letter")
    for cache in caches.all():
        cache.clear()  # the public page is cached whole
    try:
        html = client.get("/convince-your-boss/").content.decode()
        assert "boss-letter" not in html and "download a one-page letter" not in html
    finally:
        links.register("boss_letter", "apply:boss_letter")


def test_an_unregistered_name_gives_no_url():
    assert links.url("no_such_link") == ""
