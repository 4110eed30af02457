"""The state machine of a radar's edition: a draft (blips are added, moved and removed) becomes published (fixed:
the history other editions are compared with). A published edition never goes back to draft; a change is a new
draft edition, which starts as a copy of the newest one."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import EditionState, RadarEdition

DRAFT, PUBLISHED = EditionState.DRAFT, EditionState.PUBLISHED

ALLOWED: dict[str, set[str]] = {
    DRAFT: {PUBLISHED},
    PUBLISHED: set(),
}

LABELS = {
    DRAFT: "Draft: blips can be added, moved and removed",
    PUBLISHED: "Published",
}


class TransitionNotAllowed(ValidationError):
    pass


def transition(edition: RadarEdition, to: str) -> str:
    """Move ``edition`` to ``to`` and save; returns the state it came from."""
    current = edition.state
    if to not in ALLOWED.get(current, set()):
        raise TransitionNotAllowed(
            f"An edition that is “{LABELS[current]}” cannot become “{LABELS.get(to, to)}”.")
    edition.state = to
    if to == PUBLISHED:
        edition.published_at = timezone.now()
    edition.save(update_fields=["state", "published_at", "updated_at"])
    return current
