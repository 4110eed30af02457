from django.db import models

from .models import ActivityLog


def log_activity(*, action: str, target: models.Model | None = None, actor=None, **data) -> ActivityLog:
    """Record one state change. Call it inside the service's transaction."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return ActivityLog.objects.create(
        action=action,
        actor=actor,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data,
    )
