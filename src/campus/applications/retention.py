"""Retention of the applicants' files (called through the applications' privacy handler by the privacy app's
``purge_expired_documents``; the period per edition is the privacy app's ``RetentionPolicy``)."""

from django.db import transaction

from campus.core.activity import log_activity
from campus.core.plugins.privacy import add_months

from .models import Application, Call, Document
from .services import _delete_file_on_commit

# The states of an application whose documents are kept beyond the retention period (applications have
# no such state of their own: admission is an accepted offer or a participant record, told by the apps above).
ADMITTED_STATES = frozenset({"admitted"})


def not_admitted(applications, *, retained=()):
    """THE predicate of the retention rule: the applications whose documents expire. Change it here only.
    ``retained``: querysets of the ids of admitted applications (an accepted offer, a participant record)."""
    applications = applications.exclude(state__in=ADMITTED_STATES)
    for ids in retained:
        applications = applications.exclude(pk__in=ids)
    return applications


def closed_calls(now) -> list[Call]:
    return list(Call.objects.filter(closes_at__lte=now).select_related("edition").order_by("closes_at", "id"))


def expired_documents(call: Call, *, months: int, now, retained=()) -> list[Document]:
    """The documents of ``call``'s applications that are not admitted, ``months`` after the call closed
    (or after the applicant's own extended deadline, when later)."""
    if add_months(call.closes_at, months) > now:
        return []
    applications = not_admitted(Application.objects.filter(call=call), retained=retained)
    documents = Document.objects.filter(application__in=applications).select_related("application").order_by("pk")
    result = []
    for document in documents:
        document.application.call = call
        if add_months(document.application.deadline, months) <= now:
            result.append(document)
    return result


def _purge(call, documents, *, months, now) -> None:
    purged: dict[int, set[str]] = {}
    for document in documents:
        purged.setdefault(document.application_id, set()).add(document.kind)
        _delete_file_on_commit(document)
        document.delete()
    for application in Application.objects.select_for_update().filter(pk__in=purged):
        if application.snapshot.get("documents"):
            kinds = purged[application.pk]
            application.snapshot["documents"] = [
                {**item, "name": "", "sha256": "", "purged_on": now.date().isoformat()}
                if item.get("kind") in kinds else item
                for item in application.snapshot["documents"]
            ]
            application.save(update_fields=["snapshot", "updated_at"])
    log_activity(action="privacy.documents_purged", target=call, documents=len(documents),
                 applications=len(purged), months=months)


def purge_expired_documents(*, now, dry_run: bool, months_of, retained=()) -> dict:
    """Delete the CVs and letters (files and rows) of applicants not admitted, once the retention period of
    their edition (``months_of(edition)``) has passed since the call closed. One transaction and one log entry
    (counts only) per call. Running it again deletes nothing more."""
    summary = {"calls": 0, "applications": 0, "documents": 0}
    for call in closed_calls(now):
        months = months_of(call.edition)
        with transaction.atomic():
            documents = expired_documents(call, months=months, now=now, retained=retained)
            if not documents:
                continue
            summary["calls"] += 1
            summary["applications"] += len({document.application_id for document in documents})
            summary["documents"] += len(documents)
            if not dry_run:
                _purge(call, documents, months=months, now=now)
    return summary
