"""Background tasks: thin wrappers over services, run by the django-tasks-db worker."""

from django_tasks import task


@task()
def send_receipt(application_id: int) -> bool:
    from .services import send_receipt as send

    return send(application_id=application_id)


@task()
def send_more_information_request(application_id: int) -> bool:
    from .services import send_more_information_request as send

    return send(application_id=application_id)
