"""Background tasks of the outbox: thin wrappers over services, run by the django-tasks-db worker."""

from django_tasks import task


@task()
def deliver(message_id: int) -> bool:
    """Send one queued outbox message (exactly once: a second run sends nothing)."""
    from .services import deliver as run

    return run(message_id=message_id)


@task()
def requeue_stale() -> int:
    """Give queued messages whose send task was lost a new one (safe to run any time)."""
    from .services import requeue_stale as run

    return run()
