"""Background tasks of admissions: thin wrappers over services, run by the django-tasks-db worker."""

from django_tasks import task


@task()
def release_due(call_id: int) -> bool:
    """Enqueued with run_after = the release moment; releases only if still switched on and due."""
    from .services import release_if_due

    return release_if_due(call_id=call_id) is not None


@task()
def make_letters(offer_ids: list[int]) -> int:
    """The acceptance letters of these offers (made once; a retried task makes none twice)."""
    from .services import ensure_letters

    return ensure_letters(offer_ids=offer_ids)


@task()
def admissions_tick() -> dict:
    from .services import tick

    done = tick()
    return {"released": done.released, "expired": done.expired, "reminded": done.reminded}
