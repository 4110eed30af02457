"""The review app's services for erasing a person (called by its privacy handler, privacy_handler.py, inside
the erasure's transaction; the privacy app logs the erasure with counts only). Kept apart from services.py,
which is being split by concern."""

from django.db import transaction
from django.utils import timezone

from .models import ConflictOfInterest, Review, ReviewAssignment


@transaction.atomic
def forget_person(*, applications, assignments, conflicts) -> dict:
    """The reviews of an erased applicant's ``applications`` lose both comments (scores and totals stay, as
    anonymous numbers); the ``assignments`` and ``conflicts`` (ids: theirs as applicant or as team member) are
    deleted. The reviews they wrote stay (the ranking does not change). Their team roles: the team app's
    ``services.forget_roles``."""
    return {
        "reviews": Review.objects.filter(application_id__in=applications).update(
            comment_team="", comment_applicant="", updated_at=timezone.now()),
        "assignments": ReviewAssignment.objects.filter(pk__in=assignments).delete()[0],
        "conflicts": ConflictOfInterest.objects.filter(pk__in=conflicts).delete()[0],
    }
