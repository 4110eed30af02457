"""The only code of the privacy app that changes state: exports (subject access), erasure, retention.

Keyword-only arguments, one transaction each, an activity-log entry for every change. Files are deleted
from disk only once the transaction that removed their rows has committed.
"""

import io
import json
import re
import uuid
import zipfile
from datetime import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from campus.applications.models import Answer, Application, Document, Question
from campus.core.activity import log_activity
from campus.core.models import ActivityLog
from campus.programme.models import ContactMessage

from . import selectors
from .models import ErasureRequest, RetentionPolicy
from .selectors import ERASED_DOMAIN, Subject
from .states import transition

R = ErasureRequest.State
ERASED = "[erased]"

# How subject access and erasure treat every model that holds personal data (docs/privacy.md shows it;
# a test fails when a model with declared personal data is missing here).
HANDLING = {
    "accounts.User": "Access: the account. Erasure: the address replaced by an anonymous placeholder, the name "
                     "cleared, the password made unusable, the account deactivated, roles removed; the row stays.",
    "account.EmailAddress": "Access: listed. Erasure: deleted.",
    "mfa.Authenticator": "Access: the kinds set up (never the secrets). Erasure: deleted.",
    "core.ActivityLog": "Access: the entries about the person, their applications, messages and requests, and what "
                        "they did. Erasure: the actor set to nobody, personal values removed from the details; the "
                        "action and time stay.",
    "programme.ContactMessage": "Access: the messages sent with any of the person's addresses. Erasure: name, "
                                "address, organisation, message and note cleared; topic, status and date stay.",
    "applications.Application": "Access: every application, its answers, the submitted copy, the consent given. "
                                "Erasure: the row stays (counts by state survive); name, organisation, country, "
                                "requests, screening messages and the values of the submitted copy cleared.",
    "applications.Answer": "Access: every answer. Erasure: deleted.",
    "applications.Document": "Access: the files, in the zip. Erasure and retention: the files deleted from disk, "
                             "the rows deleted.",
    "privacy.ErasureRequest": "Access: the person's requests. Erasure: the reason cleared; the request stays as "
                              "the record that it was handled.",
    "admin.LogEntry": "Access: not exported (the team's repairs of raw data). Erasure: the names of the person's "
                      "rows and any of their identifiers replaced.",
    "sessions.Session": "Access: not exported (a signed account number). Erasure: the person's sessions deleted.",
    "django_tasks_database.DBTaskResult": "Access: not exported (mail on its way). Erasure: tasks that mention "
                                          "the person deleted.",
}

# Details of activity-log entries that never hold personal values; everything else is removed from
# the entries about an erased person.
SAFE_ACTIVITY_KEYS = frozenset({
    "step", "kind", "size", "version", "from", "to", "topic", "format", "by", "applications", "documents",
    "files", "contact_messages", "months", "answers", "accounts", "activity", "sessions", "tasks",
})


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
        for name, document in files:
            with document.file.open("rb") as handle:
                archive.writestr(name, handle.read())
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False))
    counts = {"applications": len(data["applications"]), "files": len(files),
              "contact_messages": len(data["contact_messages"])}
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


# --- erasure ---------------------------------------------------------------------------------------


def _identifiers(subject: Subject, applications, contacts) -> list[str]:
    """The strings that identify the person, longest first: addresses, names, phone numbers, organisations."""
    user = subject.user
    values: set[str] = set(subject.emails)
    if user is not None:
        values.add(user.full_name)
    for application in applications:
        values.update([application.full_name, application.organisation])
    personal_kinds = (Question.Kind.EMAIL, Question.Kind.PHONE)
    rows = Answer.objects.filter(application__in=applications).values_list("question__key", "question__kind", "value")
    for key, kind, value in rows:
        if isinstance(value, str) and (kind in personal_kinds or "name" in key or key == "organisation"):
            values.add(value)
    for contact in contacts:
        values.update([contact.name, contact.email, contact.organisation])
    words = set()
    for value in list(values):
        if value and " " in value.strip():
            words.update(value.split())  # "Aino Virtanen": also "Aino" and "Virtanen"
    values |= {w.strip(",.;:()") for w in words}
    return sorted(
        {v.strip() for v in values if isinstance(v, str) and len(v.strip()) >= 4 and ERASED_DOMAIN not in v},
        key=lambda v: (-len(v), v),
    )


def _pattern(identifiers: list[str]):
    return re.compile("|".join(re.escape(i) for i in identifiers), re.IGNORECASE) if identifiers else None


def _scrub(value, pattern):
    """``value`` (JSON-like) with every identifier replaced by [erased]."""
    if pattern is None:
        return value
    if isinstance(value, str):
        return pattern.sub(ERASED, value)
    if isinstance(value, list):
        return [_scrub(item, pattern) for item in value]
    if isinstance(value, dict):
        return {key: _scrub(item, pattern) for key, item in value.items()}
    return value


def _mentioning(field: str, identifiers: list[str]) -> Q:
    """Rows whose ``field`` (text or JSON) contains any identifier, also as JSON escapes it (SQLite keeps
    non-ASCII letters as \\uXXXX)."""
    condition = Q(pk__in=[])
    for identifier in identifiers:
        forms = {identifier, json.dumps(identifier)[1:-1]}
        for form in forms:
            condition |= Q(**{f"{field}__icontains": form})
    return condition


def _delete_file_on_commit(document: Document) -> None:
    storage, name = document.file.storage, document.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _anonymous_snapshot(snapshot: dict) -> dict:
    if not snapshot:
        return {}
    return {
        "reference": snapshot.get("reference", ""),
        "call": snapshot.get("call", ""),
        "submitted_at": snapshot.get("submitted_at"),
        "consent_version": snapshot.get("consent_version", ""),
        "answers": [
            {"step": item.get("step", ""), "key": item.get("key", ""), "label": item.get("label", ""),
             "value": None, "display": ""}
            for item in snapshot.get("answers", [])
        ],
        "documents": [{"kind": d.get("kind", ""), "name": "", "size": 0, "sha256": ""}
                      for d in snapshot.get("documents", [])],
        "erased": True,
    }


def _erase_applications(applications) -> dict:
    counts = {"applications": 0, "answers": 0, "documents": 0}
    for application in Application.objects.select_for_update().filter(pk__in=[a.pk for a in applications]):
        for document in Document.objects.filter(application=application):
            _delete_file_on_commit(document)
            document.delete()
            counts["documents"] += 1
        counts["answers"] += Answer.objects.filter(application=application).delete()[0]
        application.full_name = application.organisation = application.country = ""
        application.more_info_request = application.eligibility_override_reason = ""
        application.eligibility_reasons = [
            {"code": r.get("code", ""), "status": r.get("status", ""), "message": ""}
            for r in application.eligibility_reasons or [] if isinstance(r, dict)
        ]
        application.snapshot = _anonymous_snapshot(application.snapshot)
        application.save()
        counts["applications"] += 1
    return counts


def _erase_account(user) -> None:
    if not selectors.is_erased(user):
        user.email = f"erased-{uuid.uuid4().hex}@{ERASED_DOMAIN}"
    user.full_name = ""
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()


def _erase_contact_messages(contacts) -> int:
    return ContactMessage.objects.filter(pk__in=[c.pk for c in contacts]).update(
        name="", email="", organisation="", message="", staff_note=""
    )


def _forget_user_references(user) -> None:
    """Every nullable reference to the account (the actor of a log entry, the staff member who decided
    something) is set to nobody, in every installed app, today's and tomorrow's."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (getattr(field, "many_to_one", False) and field.concrete and field.null
                    and field.related_model is not None
                    and field.related_model._meta.label == settings.AUTH_USER_MODEL):
                model._default_manager.filter(**{field.name: user}).update(**{field.name: None})


def _erase_activity(subject, applications, contacts, requests, pattern, identifiers) -> int:
    about = selectors.activity_about(subject, applications, contacts, requests)
    about_ids = set(about.values_list("pk", flat=True))
    changed = 0
    candidates = ActivityLog.objects.filter(
        Q(pk__in=about_ids) | _mentioning("data", identifiers)
        | (Q(actor=subject.user) if subject.user is not None else Q(pk__in=[]))
    )
    for entry in candidates.select_for_update():
        data = entry.data or {}
        if entry.pk in about_ids:
            data = {key: value for key, value in data.items() if key in SAFE_ACTIVITY_KEYS}
        data = _scrub(data, pattern)
        entry.data = data
        if subject.user is not None and entry.actor_id == subject.user.pk:
            entry.actor = None
        entry.save(update_fields=["data", "actor"])
        changed += 1
    return changed


def _erase_admin_log(subject, applications, contacts, requests, pattern, identifiers) -> int:
    condition = _mentioning("object_repr", identifiers) | _mentioning("change_message", identifiers)
    owned = [(ContentType.objects.get_for_model(model), [str(o.pk) for o in objects])
             for model, objects in ((Application, applications), (ContactMessage, contacts),
                                    (ErasureRequest, requests))]
    if subject.user is not None:
        owned.append((ContentType.objects.get_for_model(subject.user), [str(subject.user.pk)]))
        owned.append((ContentType.objects.get_for_model(EmailAddress),
                      [str(pk) for pk in EmailAddress.objects.filter(user=subject.user).values_list("pk", flat=True)]))
    owned_condition = Q(pk__in=[])
    for content_type, ids in owned:
        if ids:
            owned_condition |= Q(content_type=content_type, object_id__in=ids)
    changed = 0
    for entry in LogEntry.objects.filter(condition | owned_condition):
        owned_entry = any(entry.content_type_id == ct.pk and entry.object_id in ids for ct, ids in owned)
        entry.object_repr = ERASED if owned_entry else _scrub(entry.object_repr, pattern)
        entry.change_message = _scrub(entry.change_message, pattern)
        entry.save(update_fields=["object_repr", "change_message"])
        changed += 1
    return changed


def _erase_sessions(user, pattern) -> int:
    """The person's sessions (signed in), and any other that holds one of their identifiers (a sign-up
    waiting for its confirmation keeps the address)."""
    if user is None or not apps.is_installed("django.contrib.sessions"):
        return 0
    from django.contrib.sessions.models import Session

    ids = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        data = session.get_decoded()
        if data.get("_auth_user_id") == str(user.pk) or (
            pattern is not None and pattern.search(json.dumps(data, default=str, ensure_ascii=False))
        ):
            ids.append(session.pk)
    return Session.objects.filter(pk__in=ids).delete()[0]


def _erase_tasks(identifiers) -> int:
    """Queued and finished background tasks that mention the person (a mail to their address)."""
    if not identifiers or not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    mentioning = _mentioning("args_kwargs", identifiers) | _mentioning("return_value", identifiers)
    return DBTaskResult.objects.filter(mentioning).exclude(status="RUNNING").delete()[0]


def erase_person(*, user, actor, request: ErasureRequest | None = None) -> dict:
    """Remove or anonymise everything held about ``user``, everywhere; return what was done (counts).

    Rows that carry statistics stay (an application keeps its call, state and dates; a contact message its
    topic and date); every value that identifies the person goes. Running it again changes nothing more.
    The activity log records the erasure with counts only (the request's number, never the person).
    """
    with transaction.atomic():
        user = type(user).objects.select_for_update().get(pk=user.pk)
        subject = selectors.subject_for_user(user)
        applications = list(selectors.applications_of(subject))
        contacts = list(selectors.contact_messages_of(subject))
        requests = list(selectors.erasure_requests_of(subject))
        identifiers = _identifiers(subject, applications, contacts)
        pattern = _pattern(identifiers)

        counts = _erase_applications(applications)
        counts["contact_messages"] = _erase_contact_messages(contacts)
        counts["activity"] = _erase_activity(subject, applications, contacts, requests, pattern, identifiers)
        counts["admin_log"] = _erase_admin_log(subject, applications, contacts, requests, pattern, identifiers)
        counts["sessions"] = _erase_sessions(user, pattern)
        counts["tasks"] = _erase_tasks(identifiers)
        for erasure_request in ErasureRequest.objects.filter(user=user):
            erasure_request.reason = ""
            erasure_request.note = _scrub(erasure_request.note, pattern)
            erasure_request.save(update_fields=["reason", "note"])
        _erase_account(user)
        _forget_user_references(user)
        log_activity(action="privacy.erased", target=request, actor=actor, **counts)
    return counts


# --- retention ------------------------------------------------------------------------------------


def retention_policy(*, edition) -> RetentionPolicy:
    """The edition's retention policy, created with the defaults on first use."""
    policy, _created = RetentionPolicy.objects.get_or_create(edition=edition)
    return policy


def purge_expired_documents(*, now: datetime | None = None, dry_run: bool = False) -> dict:
    """Delete the CVs and letters (files and rows) of applicants not admitted, once the retention period of
    their edition has passed since the call closed. One transaction and one log entry (counts only) per call.
    Running it again deletes nothing more."""
    now = now or timezone.now()
    summary = {"calls": 0, "applications": 0, "documents": 0}
    for call in selectors.closed_calls(now):
        months = selectors.documents_months(call.edition) if dry_run else retention_policy(
            edition=call.edition).documents_months
        with transaction.atomic():
            documents = selectors.expired_documents(call, months=months, now=now)
            if not documents:
                continue
            applications = {document.application_id for document in documents}
            summary["calls"] += 1
            summary["applications"] += len(applications)
            summary["documents"] += len(documents)
            if dry_run:
                continue
            purged: dict[int, set[str]] = {}
            for document in documents:
                purged.setdefault(document.application_id, set()).add(document.kind)
                _delete_file_on_commit(document)
                document.delete()
            for application in Application.objects.select_for_update().filter(pk__in=applications):
                if application.snapshot.get("documents"):
                    kinds = purged[application.pk]
                    application.snapshot["documents"] = [
                        {**item, "name": "", "sha256": "", "purged_on": now.date().isoformat()}
                        if item.get("kind") in kinds else item
                        for item in application.snapshot["documents"]
                    ]
                    application.save(update_fields=["snapshot", "updated_at"])
            log_activity(action="privacy.documents_purged", target=call, documents=len(documents),
                         applications=len(applications), months=months)
    return summary
