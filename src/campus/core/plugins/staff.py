"""Staff sections: each app registers the part of the back office it brings (the staff bar and /staff/).

From its ``plugin.py``::

    from campus.core.plugins import staff

    staff.register(staff.StaffSection(
        title="Outbox", url_name="staff_outbox:home", order=50, predicate=can_use_outbox,
        description="Mail to applicants: preview, edit and send drafts; failures and retries; mail templates.",
    ))

``predicate(user) -> bool`` says who sees the section; the section's own pages must give the same answer
(``core.access.staff_page`` with the same predicate), so a section shown is a section that opens. Sections
are shown by ``order``, then title. ``namespace`` (the URL namespace of its pages, by default the one of
``url_name``) marks the current section in the staff bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from django.urls import reverse


@dataclass(frozen=True)
class StaffSection:
    title: str
    url_name: str
    description: str
    predicate: Callable = field(compare=False)
    order: int = 100
    namespace: str = ""

    @property
    def key(self) -> str:
        return self.url_name

    @property
    def url(self) -> str:
        return reverse(self.url_name)

    @property
    def current_namespace(self) -> str:
        return self.namespace or self.url_name.partition(":")[0]


_sections: dict[str, StaffSection] = {}


def register(section: StaffSection) -> StaffSection:
    """Add (or replace: plugin modules may be imported again in tests) the section named by its ``url_name``."""
    _sections[section.key] = section
    return section


def unregister(section: StaffSection | str) -> None:
    _sections.pop(section if isinstance(section, str) else section.key, None)


def sections() -> list[StaffSection]:
    """Every registered section, in the order of the staff bar."""
    return sorted(_sections.values(), key=lambda s: (s.order, s.title))


def visible_to(user) -> list[StaffSection]:
    """The sections whose predicate holds for ``user``, in the order of the staff bar."""
    return [section for section in sections() if section.predicate(user)]
