"""Submission kinds: things an assignment may ask for instead of files (a canvas, a strategy, ...). An app above
coursework registers a kind from its ``plugin.py``; coursework (which knows no app by name) offers the registered
kinds when a lead writes an assignment, lists the participant's things on the attempt form, keeps a snapshot with
the attempt (so later edits do not change what was handed in) and shows the lead a link and that snapshot::

    from campus.core.plugins import submissions

    submissions.register(submissions.SubmissionKind(
        key="canvas", label="A canvas",
        choices_for=lambda user, edition: [(canvas.pk, canvas.title), ...],   # what ``user`` may hand in
        describe=lambda obj_id: ("SWOT of our cluster", "/staff/canvases/7/") or None,  # for the lead
        snapshot=lambda obj_id: {...},                                         # JSON kept with the attempt
    ))

Coursework shows the lead the snapshot's ``boxes`` ([{"title": ..., "items": [{"text": ...}]}]); a kind keeps
whatever else it needs beside them (the strategy keeps its whole JSON export under "strategy").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

FILES = ""  # an assignment's default: text and files (coursework's own)


@dataclass(frozen=True)
class SubmissionKind:
    key: str
    label: str
    choices_for: Callable  # (user, edition) -> [(obj_id, title)]
    describe: Callable  # (obj_id) -> (title, url) | None when the thing is gone
    snapshot: Callable  # (obj_id) -> dict (JSON)


_kinds: dict[str, SubmissionKind] = {}


def register(kind: SubmissionKind) -> SubmissionKind:
    """Add ``kind``; the same key again replaces it (a module imported twice does no harm)."""
    if not kind.key or len(kind.key) > 30 or not kind.key.replace("_", "").isalnum():
        raise ValueError(f"A submission kind key is a short plain name: {kind.key!r}")
    _kinds[kind.key] = kind
    return kind


def unregister(key: str) -> None:
    _kinds.pop(key, None)


def get(key: str) -> SubmissionKind | None:
    return _kinds.get(key)


def kinds() -> list[SubmissionKind]:
    return sorted(_kinds.values(), key=lambda k: k.label)


def choices() -> list[tuple[str, str]]:
    """For the assignment form: files (the default) and each registered kind."""
    return [(FILES, "Text and files")] + [(k.key, k.label) for k in kinds()]
