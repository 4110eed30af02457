"""Page links: a lower app names a link it would show, an app above says where it goes.

A page on a lower floor may not name a higher app's URLs (``programme`` would have to know ``apply:``). It asks
for a link by a plain name instead, and the app that owns the page registers that name from its ``plugin.py``::

    links.register("boss_letter", "apply:boss_letter")          # applications/plugin.py

    {% load page_links %}{% page_link "boss_letter" as url %}   # programme/benefits.html
    {% if url %}<a href="{{ url }}">…</a>{% endif %}

A name nobody registered gives ``""``: the page leaves the link out (the app is not installed).

A link that is offered only at times (the application, while a call is open) registers ``state``: a function
``(**context) -> LinkState`` that says whether the link is offered now, what the page may show beside it (the call's
deadline and time zone) and when that changes (a cached page must not outlive that moment)::

    links.register("apply", "apply:start", state=selectors.apply_link_state)   # applications/plugin.py
    link = links.link("apply", edition=edition)                                              # programme/views/public.py
    link.url, link.details, link.changes_at

A state may also say where the link leads (``LinkState(url=...)``) when that is an object's page. The programme's
static pages use it: ``links.link("page:<slug>")`` offered means the page gives way to that URL (the forum's
event page replaces the seed's page "forum-2022": ``links.register("page:forum-2022", "forum:list", state=...)``).
"""

from dataclasses import dataclass, field
from datetime import datetime

from ..reverse import kept_reverse as reverse


@dataclass(frozen=True)
class LinkState:
    offered: bool
    details: dict = field(default_factory=dict)
    changes_at: datetime | None = None  # when ``offered`` or ``details`` change next (None: not by time)
    url: str = ""  # where it leads when that depends on data (e.g. an object's page); "" = reverse(url_name)


@dataclass(frozen=True)
class Link:
    url: str  # "" when the link is not offered (nobody registered it, or not now)
    details: dict = field(default_factory=dict)
    changes_at: datetime | None = None


_links: dict[str, str] = {}
_states: dict[str, object] = {}


def register(name: str, url_name: str, *, state=None) -> None:
    _links[name] = url_name
    if state is not None:
        _states[name] = state
    else:
        _states.pop(name, None)


def unregister(name: str) -> None:
    _links.pop(name, None)
    _states.pop(name, None)


def link(name: str, **context) -> Link:
    """The link registered under ``name`` as it stands now (``url`` is "" when it is not offered); ``context``
    goes to its ``state`` function (e.g. ``edition=``: the page's edition, so that it costs no lookup)."""
    url_name = _links.get(name)
    if not url_name:
        return Link("")
    state_of = _states.get(name)
    if state_of is None:
        return Link(reverse(url_name))
    state = state_of(**context)
    target = (state.url or reverse(url_name)) if state.offered else ""
    return Link(target, dict(state.details), state.changes_at)


def url(name: str) -> str:
    """The URL registered under ``name``, or "" when none is (or it is not offered now)."""
    return link(name).url
