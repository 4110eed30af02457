"""The only code of the editions app that changes state: clone an edition into a draft, publish and unpublish."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from campus.core.activity import log_activity
from campus.core.plugins import clone
from campus.core.plugins.clone import Mapping, Shift
from campus.programme import services as programme
from campus.programme.models import Edition, Programme
from campus.team import services as team
from campus.team.models import Role

from . import selectors


class EditionError(ValidationError):
    """A refusal in the person's words, naming the form field to fix (``field``) when there is one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__({field: [message]} if field else message)
        self.field = field
        self.text = message


@dataclass
class Cloned:
    edition: Edition
    mapping: Mapping | None  # None when the draft existed already (the same form token: a second click)
    created: bool


def clone_edition(*, source: Edition, name: str, slug: str, shift: Shift, parts, actor, token: str = "") -> Cloned:
    """Make a draft edition from ``source``: the edition's own texts and numbers, its two dates moved by ``shift``,
    and the chosen ``parts`` (with what they depend on) copied by the apps that own them; nothing personal. One
    transaction; the draft is invisible to the public (``published_at`` empty) and ``actor`` becomes its manager.

    Idempotent per form ``token``: a second "Create" (double click, reload) returns the draft made by the first.
    The programme's row is locked meanwhile, so two clicks at once cannot both pass the checks."""
    keys = clone.with_dependencies(parts)
    with transaction.atomic():
        Programme.objects.select_for_update().filter(pk=source.programme_id).first()
        existing = selectors.cloned_with_token(token)
        if existing is not None:
            return Cloned(edition=existing, mapping=None, created=False)
        if selectors.slug_taken(source.programme, slug):
            raise EditionError("An edition with this short name exists already. Choose another.", "slug")
        target = clone.duplicate(source, name=name, slug=slug, is_current=False, published_at=None,
                                 application_deadline=shift.day(source.application_deadline),
                                 acceptance_letter_on=shift.day(source.acceptance_letter_on))
        target.save()
        mapping = clone.copy(source, target, shift, keys)
        if actor is not None:
            team.add_team_role(edition=target, user=actor, role=Role.MANAGER, actor=actor)
        log_activity(action=selectors.CLONED, target=target, actor=actor, token=token, source=source.pk,
                     parts=keys, days=shift.days, rows=len(mapping) - 1)
    return Cloned(edition=target, mapping=mapping, created=True)


def publish(*, edition: Edition, actor, warnings_accepted: bool = False) -> Edition:
    """Publish a draft: refused while an error remains (dates in the past, a deadline after the letters, modules
    that overlap ...); warnings (a meetup on a public holiday) need ``warnings_accepted``."""
    with transaction.atomic():
        rows = selectors.draft_conflicts(edition)
        errors = [c for c, _url in rows if c.is_error]
        if errors:
            raise EditionError(f"Fix the {len(errors)} error{'s' if len(errors) > 1 else ''} below before publishing.")
        if any(not c.is_error for c, _url in rows) and not warnings_accepted:
            raise EditionError("Read the warnings below and tick the box to publish anyway.", "accept")
        return programme.publish_edition(edition=edition, actor=actor)


def unpublish(*, edition: Edition, actor) -> Edition:
    """Back to a draft: invisible to the public again."""
    return programme.unpublish_edition(edition=edition, actor=actor)
