"""The only code of the privacy app that changes state: exports (subject access), erasure, retention.

Keyword-only arguments, one transaction each, an activity-log entry for every change. Files are deleted
from disk only once the transaction that removed their rows has committed.
"""

import io
import json
import logging
import zipfile
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from campus.core.activity import log_activity
from campus.core.plugins import privacy as plugins

from . import selectors
from .erasure import SAFE_ACTIVITY_KEYS, delete_file_on_commit, erase_person  # noqa: F401 (the services' API)
from .models import ErasureRequest, RetentionPolicy
from .selectors import Subject
from .states import transition

logger = logging.getLogger(__name__)
R = ErasureRequest.State

class PrivacyError(Exception):
    """A guard refused the change; the message is meant for the person who tried."""


# --- subject access --------------------------------------------------------------------------------


def export_personal_data(*, subject: Subject, actor, by: str) -> bytes:
    """The zip of everything held about ``subject`` (data.json and the files), logged as an export.

    ``by`` is "self" (the person, from their account) or "staff" (a team member with the permission).
    """
    data, files = selectors.personal_data(subject)
    data["generated_at"] = timezone.now().isoformat()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, stored in files:
            with stored.open("rb") as handle:
                archive.writestr(name, handle.read())
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False))
    counts = {"applications": len(data.get("applications", [])), "files": len(files),  # (sections of handlers)
              "contact_messages": len(data.get("contact_messages", [])), "messages": len(data.get("messages", []))}
    with transaction.atomic():
        if subject.user is not None:
            log_activity(action="privacy.exported", target=subject.user, actor=actor, by=by, **counts)
        else:  # no account: the entry names the address by its pseudonym only
            log_activity(action="privacy.exported", actor=actor, by=by, subject=subject.reference, **counts)
    return buffer.getvalue()


# --- erasure requests ------------------------------------------------------------------------------


def request_erasure(*, user, reason: str) -> ErasureRequest:
    """The person asks to be erased. A second request while one waits (a double click) returns the first."""
    existing = selectors.open_request_of(user)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            request = ErasureRequest.objects.create(user=user, reason=reason.strip())
            log_activity(action="privacy.erasure_requested", target=request, actor=user)
            return request
    except IntegrityError:  # a second tab created it a moment ago
        return selectors.open_request_of(user)


@transaction.atomic
def cancel_erasure_request(*, request: ErasureRequest, actor) -> ErasureRequest:
    request = ErasureRequest.objects.select_for_update().get(pk=request.pk)
    if request.state != R.PENDING:
        return request
    transition(request, R.CANCELLED)
    request.decided_at = timezone.now()
    request.save(update_fields=["state", "decided_at"])
    log_activity(action="privacy.erasure_cancelled", target=request, actor=actor)
    return request


def decide_erasure(*, request: ErasureRequest, approve: bool, note: str, actor) -> ErasureRequest:
    """A team member approves (the person is erased at once) or refuses (with a note for the person).
    A second decision (a double click, a second tab) changes nothing."""
    with transaction.atomic():
        request = ErasureRequest.objects.select_for_update().select_related("user").get(pk=request.pk)
        if request.state != R.PENDING:
            return request
        if request.user_id == getattr(actor, "pk", None):
            raise PrivacyError("Another team member must decide on your own request.")
        note = note.strip()
        if not approve and not note:
            raise PrivacyError("Tell the person why the request is refused.")
        transition(request, R.APPROVED if approve else R.REFUSED)
        request.decided_at = timezone.now()
        request.decided_by = actor
        request.note = note
        request.save(update_fields=["state", "decided_at", "decided_by", "note"])
        if approve:
            erase_person(user=request.user, actor=actor, request=request)
        else:
            log_activity(action="privacy.erasure_refused", target=request, actor=actor)
    return request


# --- erasure: erasure_plan.py (what it changes) and erasure.py (doing it) --------------------------------


# --- retention ------------------------------------------------------------------------------------


def retention_policy(*, edition) -> RetentionPolicy:
    """The edition's retention policy, created with the defaults on first use."""
    policy, _created = RetentionPolicy.objects.get_or_create(edition=edition)
    return policy


def purge_expired_documents(*, now: datetime | None = None, dry_run: bool = False) -> dict:
    """Delete what has outlived its retention period, through every app's privacy handler (the applicants'
    CVs and letters, unless admitted: see the applications' handler), with the period of its edition. Returns
    the counts added up over the handlers. Running it again deletes nothing more."""
    now = now or timezone.now()
    if dry_run:
        months_of = selectors.documents_months
    else:
        def months_of(edition):
            return retention_policy(edition=edition).documents_months
    retained = selectors.retained()
    summary: dict = {}
    for handler in plugins.handlers():
        for key, number in handler.purge(now=now, dry_run=dry_run, months_of=months_of, retained=retained).items():
            summary[key] = summary.get(key, 0) + number
    return summary
