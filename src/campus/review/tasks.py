"""Background work of the review app (thin wrappers over services)."""

from django_tasks import task

from . import services


@task()
def remind_reviewers() -> int:
    return services.remind_reviewers()
