"""The team of an edition: roles added and removed."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef

from campus.core.activity import log_activity
from campus.team.models import TeamMembership

from ..models import Kind, Review, ReviewAssignment
from .common import Role, _error


def add_team_role(*, edition, user, role: str, actor) -> TeamMembership:
    if role not in Role.values:
        raise _error("Choose a role.", "roles")
    if not user.is_active:
        raise _error("This account is deactivated.", "email")
    with transaction.atomic():
        membership, created = TeamMembership.objects.get_or_create(edition=edition, user=user, role=role)
        if created:
            log_activity(action="review.team_role_added", target=membership, actor=actor,
                         edition=edition.pk, user=user.pk, role=role)
    return membership


def remove_team_role(*, membership: TeamMembership, actor) -> None:
    with transaction.atomic():
        if membership.role == Role.MANAGER:
            others = TeamMembership.objects.filter(edition_id=membership.edition_id, role=Role.MANAGER).exclude(pk=membership.pk)
            if not others.exists():
                raise _error("An edition keeps at least one programme manager.")
        log_activity(action="review.team_role_removed", target=membership, actor=actor,
                     edition=membership.edition_id, user=membership.user_id, role=membership.role)
        if membership.role == Role.REVIEWER:
            # their outstanding assignments go back to the pool ("needs more reviews"); written reviews stay
            written = Review.objects.filter(application_id=OuterRef("application_id"),
                                            reviewer_id=OuterRef("reviewer_id"), kind=Kind.REVIEW)
            for assignment in ReviewAssignment.objects.filter(
                reviewer_id=membership.user_id, kind=Kind.REVIEW, application__call__edition_id=membership.edition_id
            ).exclude(Exists(written)):
                log_activity(action="review.unassigned", target=assignment, actor=actor,
                             application=assignment.application_id, reviewer=assignment.reviewer_id,
                             reason="no longer a reviewer")
                assignment.delete()
        membership.delete()
