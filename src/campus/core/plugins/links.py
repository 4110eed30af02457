"""Page links: a lower app names a link it would show, an app above says where it goes.

A page on a lower floor may not name a higher app's URLs (``programme`` would have to know ``apply:``). It asks
for a link by a plain name instead, and the app that owns the page registers that name from its ``plugin.py``::

    links.register("boss_letter", "apply:boss_letter")          # applications/plugin.py

    {% load page_links %}{% page_link "boss_letter" as url %}   # programme/benefits.html
    {% if url %}<a href="{{ url }}">…</a>{% endif %}

A name nobody registered gives ``""``: the page leaves the link out (the app is not installed).
"""

from django.urls import reverse

_links: dict[str, str] = {}


def register(name: str, url_name: str) -> None:
    _links[name] = url_name


def unregister(name: str) -> None:
    _links.pop(name, None)


def url(name: str) -> str:
    """The URL registered under ``name``, or "" when none is."""
    url_name = _links.get(name)
    return reverse(url_name) if url_name else ""
