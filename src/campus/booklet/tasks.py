"""Background tasks of the booklet: thin wrappers over ``document``, run by the django-tasks-db worker."""

from django_tasks import task


@task()
def make_booklet(edition_id: int, audience: str, force: bool = False) -> bool:
    """Make and keep the edition's booklet PDF for ``audience`` unless the kept one is current (a retried or
    repeated task makes nothing twice). Returns whether a PDF was made."""
    from campus.programme.models import Edition

    from . import document

    edition = Edition.objects.select_related("programme").filter(pk=edition_id).first()
    if edition is None:
        return False
    return document.make(edition, audience, force=force)
