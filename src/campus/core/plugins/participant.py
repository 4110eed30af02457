"""The participant area (/me/): each app that runs a part of the edition registers its page and its block on
the participant's home. ``cohort`` owns the door (the home, the layout and who counts as a participant); the
apps above it (attendance, coursework, feedback, coaching, certificates, ...) plug in from their ``plugin.py``::

    from campus.core.plugins import participant

    participant.register_section(participant.ParticipantSection(
        title="Assignments", url_name="coursework:assignments", order=30))
    participant.register_block(next_assignments)   # (request, participant) -> HomeBlock | None

A section is a link in the participant area's navigation (``predicate(participant) -> bool`` may hide it,
e.g. coaching before groups exist). A block is a card on the home ("what is next"): its own HTML, rendered by
the app's template, in ``order``. Both are shown only to a participant of the edition; the app's own pages
check that with ``cohort.access.participant_page``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from django.urls import reverse
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class ParticipantSection:
    title: str
    url_name: str
    order: int = 100
    predicate: Callable | None = field(default=None, compare=False)  # (participant) -> bool; None: always
    namespace: str = ""  # the URL namespace of its pages (marks the current section); default from url_name

    @property
    def url(self) -> str:
        return reverse(self.url_name)

    @property
    def current_namespace(self) -> str:
        return self.namespace or self.url_name.partition(":")[0]


@dataclass(frozen=True)
class HomeBlock:
    html: SafeString | str
    order: int = 100
    key: str = ""


_sections: dict[str, ParticipantSection] = {}
_blocks: list = []
_annotations: dict = {}  # name -> () -> query expression over the participant row (register_annotation)


def register_section(section: ParticipantSection) -> ParticipantSection:
    """Add (or replace, by ``url_name``) a section of the participant area."""
    _sections[section.url_name] = section
    return section


def unregister_section(section: ParticipantSection | str) -> None:
    _sections.pop(section if isinstance(section, str) else section.url_name, None)


def sections_for(participant) -> list[ParticipantSection]:
    """The sections shown to ``participant``, in order (then by title)."""
    shown = [s for s in _sections.values() if s.predicate is None or s.predicate(participant)]
    return sorted(shown, key=lambda s: (s.order, s.title))


def register_annotation(name: str, expression) -> None:
    """Add a value that the query loading the participant of the request computes too (``cohort``'s
    ``current_participation``), so that a section's predicate or a block reads it as ``participant.<name>``
    without a query of its own: ``expression()`` returns a query expression over the participant row, e.g.
    ``Exists(GroupMember.objects.filter(participant=OuterRef("pk")))``. A participant loaded some other way
    lacks the attribute: the reader falls back to a query (``getattr(participant, name, None)``)."""
    _annotations[name] = expression


def unregister_annotation(name: str) -> None:
    _annotations.pop(name, None)


def annotations() -> dict:
    """``{name: expression}`` of every registered annotation (fresh expressions, ready for ``.annotate()``)."""
    return {name: expression() for name, expression in _annotations.items()}


def register_block(provider) -> None:
    """Add ``provider(request, participant) -> HomeBlock | None`` (once)."""
    if provider not in _blocks:
        _blocks.append(provider)


def unregister_block(provider) -> None:
    if provider in _blocks:
        _blocks.remove(provider)


def blocks_for(request, participant) -> list[HomeBlock]:
    """The home's blocks that the providers give for ``participant``, in order."""
    found = [block for provider in _blocks if (block := provider(request, participant)) is not None]
    return sorted(found, key=lambda block: block.order)
