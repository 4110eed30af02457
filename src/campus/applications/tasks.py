"""Background tasks: thin wrappers over services, run by the django-tasks-db worker.

The receipt and the request for more information are now put into the outbox inside the service's own
transaction (campus.communications sends them). These tasks stay for tasks enqueued before that change:
they put the mail into the outbox if it is not there yet, and do nothing otherwise.
"""

from django_tasks import task


@task()
def send_receipt(application_id: int) -> bool:
    from .services import send_receipt as send

    return send(application_id=application_id)


@task()
def send_more_information_request(application_id: int) -> bool:
    from .services import send_more_information_request as send

    return send(application_id=application_id)
