"""Reads about the team that several apps need: which editions a person works in (the edition switch of the
staff pages of cohort, attendance, feedback, coaching, certificates ... is built from this one answer)."""

from campus.programme.models import Edition

from .models import Role
from .permissions import edition_ids_with_role

EDITION_ORDER = ("-is_current", "-application_deadline", "-pk")


def editions_managed_by(user, *roles: str) -> list[Edition]:
    """The editions in which ``user`` holds any of ``roles`` (the manager role when none is given; every edition
    for a superuser), with their programme, the current first, then the newest: two queries (the ids, cached
    by nobody, and the editions), none for a person who holds no such role."""
    ids = edition_ids_with_role(user, *(roles or (Role.MANAGER,)))
    if not ids:
        return []
    return list(Edition.objects.filter(pk__in=ids).select_related("programme").order_by(*EDITION_ORDER))


def edition_chosen(editions: list[Edition], wanted) -> Edition | None:
    """From the list of :func:`editions_managed_by`, the one asked for (``?edition=``), else the first; None when
    the one asked for is not in the list (the caller answers 404)."""
    if not wanted:
        return editions[0] if editions else None
    return next((e for e in editions if str(e.pk) == str(wanted)), None)
