"""Background tasks: thin wrappers over services, run by the django-tasks-db worker."""

from django_tasks import task


@task()
def notify_team_of_contact_message(message_id: int) -> bool:
    from .services import notify_team_of_contact_message as notify

    return notify(message_id=message_id)
