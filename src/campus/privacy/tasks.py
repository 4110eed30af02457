"""Background tasks: thin wrappers over services, run by the django-tasks-db worker.

django-tasks has no scheduler: a cron job or a systemd timer runs ``manage.py purge_expired_documents`` (or
enqueues this task) once a day; see docs/privacy.md.
"""

from django_tasks import task


@task()
def purge_expired_documents() -> dict:
    from .services import purge_expired_documents as purge

    return purge()
