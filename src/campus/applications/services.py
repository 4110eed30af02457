"""The only place that changes applications. Keyword-only arguments, one transaction each,
an activity-log entry for every change, mail queued after the commit."""

import secrets
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from campus.core.activity import log_activity
from campus.core.models import ActivityLog
from campus.programme import services as programme_services
from campus.programme.dates import date_problems

from . import eligibility, selectors
from .models import Answer, Application, Call, Document
from .signals import application_withdrawn, call_dates_shifted
from .states import EDITABLE, transition

S = Application.State


class ApplicationError(Exception):
    """A guard refused the change; the message is meant for the person who tried."""


# --- guards -----------------------------------------------------------------------------------


def _ensure_open(call: Call, application: Application | None = None, now: datetime | None = None) -> None:
    now = now or timezone.now()
    if now < call.opens_at:
        raise ApplicationError("The call is not open yet.")
    deadline = application.deadline if application is not None else call.closes_at
    if now >= deadline:
        raise ApplicationError("The application deadline has passed.")


def _ensure_editable(application: Application) -> None:
    if application.state == S.WITHDRAWN:
        raise ApplicationError("This application has been withdrawn and can no longer be changed.")
    if application.state not in EDITABLE:
        raise ApplicationError("This application has been submitted and can no longer be changed.")
    _ensure_open(application.call, application)


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("call__edition").get(pk=application.pk)


# --- the call -----------------------------------------------------------------------------------


@transaction.atomic
def save_call(*, call: Call, actor) -> Call:
    """Save a call edited by staff; the edition's published deadline follows the call's closing moment."""
    created = call.pk is None
    call.save()
    edition = call.edition
    last_day = timezone.localtime(call.closes_at - timedelta(seconds=1), call.zone).date()
    if edition.application_deadline != last_day:
        edition.application_deadline = last_day
        edition.save(update_fields=["application_deadline", "updated_at"])
    log_activity(
        action="applications.call_created" if created else "applications.call_changed", target=call, actor=actor,
        opens_at=call.opens_at.isoformat(), closes_at=call.closes_at.isoformat(),
    )
    return call


@transaction.atomic
def open_call_for(*, call: Call, days: int, actor=None, now=None) -> int:
    """Open ``call`` now until the end of the ``days``-th day (midnight, the call's zone), moving what follows the
    deadline by as many whole weeks (programme.services.shift_edition_dates; ``call_dates_shifted`` for the apps
    above). Refuses, naming the dates to fix, when they still do not agree. Returns the days moved."""
    now, edition = now or timezone.now(), call.edition
    last_day = timezone.localtime(now, call.zone).date() + timedelta(days=days)
    shift = max(0, -(-(last_day - edition.application_deadline).days // 7) * 7)  # whole weeks, rounded up
    programme_services.shift_edition_dates(edition=edition, days=shift, actor=actor)
    if call.state(now) != "open":  # opens at the start of today (an old opening date would sit next to the new)
        call.opens_at = datetime.combine(last_day - timedelta(days=days), time(0), tzinfo=call.zone)
    call.closes_at = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=call.zone)
    save_call(call=call, actor=actor)
    if problems := date_problems(edition):
        raise ApplicationError("The dates do not agree: " + " ".join(problems.values()))
    call_dates_shifted.send(sender=Call, call=call, days=shift, actor=actor)
    return shift


# --- applicant --------------------------------------------------------------------------------


def _new_reference(call: Call) -> str:
    return f"{call.reference_prefix}-{secrets.token_hex(3).upper()}"


def start_application(*, call: Call, applicant) -> Application:
    """The applicant's application for this call, created on first use (one per applicant and call)."""
    existing = Application.objects.filter(call=call, applicant=applicant).select_related("call").first()
    if existing is not None:
        return existing
    _ensure_open(call)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call, applicant=applicant, reference=_new_reference(call), full_name=applicant.full_name
            )
            log_activity(action="applications.started", target=application, actor=applicant)
            return application
    except IntegrityError:  # a second tab or a double click created it a moment ago
        return Application.objects.select_related("call").get(call=call, applicant=applicant)


def _refresh_derived(application: Application, answers: dict) -> None:
    first, last = answers.get("first_name", ""), answers.get("last_name", "")
    application.full_name = f"{first} {last}".strip() or application.full_name
    application.organisation = answers.get("organisation", "") or ""
    application.country = (answers.get("country_of_residence") or "")[:2]
    result = eligibility.assess(answers, selectors.requirements_of(application.call))
    application.eligibility = result.status
    application.eligibility_reasons = [reason.as_dict() for reason in result.reasons]


@transaction.atomic
def save_answers(*, application: Application, step: str, values: dict, actor) -> Application:
    """Store the answers of one step (a draft: nothing is checked for completeness here)."""
    application = _locked(application)
    _ensure_editable(application)
    questions = {q.key: q for q in selectors.questions_of(application.call)}
    for key, value in values.items():
        question = questions.get(key)
        if question is None:
            continue
        Answer.objects.update_or_create(application=application, question=question, defaults={"value": value})
    application.last_step = step
    _refresh_derived(application, selectors.answers_of(application))
    application.save()
    log_activity(action="applications.step_saved", target=application, actor=actor, step=step)
    return application


def _delete_file_on_commit(document: Document) -> None:
    """Delete the stored file once the row's deletion is committed: a rollback keeps row and file together."""
    storage, name = document.file.storage, document.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def save_document(*, application: Application, kind: str, detected, content, actor) -> Document:
    """Store an uploaded, already validated file (``detected`` from core.files.validate_document)."""
    application = _locked(application)
    _ensure_editable(application)
    old = Document.objects.filter(application=application, kind=kind).first()
    if old is not None:
        _delete_file_on_commit(old)
        old.delete()
    document = Document(
        application=application,
        kind=kind,
        original_name=detected.safe_name,
        content_type=detected.content_type,
        size=detected.size,
        sha256=detected.sha256,
    )
    content.seek(0)
    document.file.save(detected.safe_name, content, save=False)
    document.save()
    log_activity(action="applications.document_uploaded", target=application, actor=actor, kind=kind, size=detected.size)
    return document


@transaction.atomic
def remove_document(*, application: Application, kind: str, actor) -> None:
    application = _locked(application)
    _ensure_editable(application)
    for document in Document.objects.filter(application=application, kind=kind):
        _delete_file_on_commit(document)
        document.delete()
    log_activity(action="applications.document_removed", target=application, actor=actor, kind=kind)


@transaction.atomic
def record_consent(*, application: Application, version: str, actor) -> Application:
    application = _locked(application)
    _ensure_editable(application)
    application.consent_version = version
    application.consent_at = timezone.now()
    application.last_step = "consent"
    application.save(update_fields=["consent_version", "consent_at", "last_step", "updated_at"])
    log_activity(action="applications.consent_given", target=application, actor=actor, version=version)
    return application


def submit(*, application: Application, actor) -> Application:
    """Freeze the answers and submit. A second submit (double click, second tab) changes nothing."""
    with transaction.atomic():
        application = _locked(application)
        if application.state == S.SUBMITTED:
            return application
        _ensure_editable(application)
        missing = selectors.missing_items(application)
        if missing:
            raise ApplicationError("Some required parts are missing: " + "; ".join(missing) + ".")
        answers = selectors.answers_of(application)
        _refresh_derived(application, answers)
        previous = transition(application, S.SUBMITTED)
        application.snapshot = selectors.snapshot_of(application, answers)
        application.submitted_at = timezone.now()
        application.more_info_request = "" if previous == S.MORE_INFO else application.more_info_request
        application.save()
        log_activity(action="applications.submitted", target=application, actor=actor, **{"from": previous, "to": S.SUBMITTED})
        send_receipt(application_id=application.pk, actor=actor)
    return application


@transaction.atomic
def withdraw(*, application: Application, actor) -> Application:
    application = _locked(application)
    if application.state == S.WITHDRAWN:
        return application
    previous = transition(application, S.WITHDRAWN)
    application.withdrawn_at = timezone.now()
    application.save()
    log_activity(action="applications.withdrawn", target=application, actor=actor, **{"from": previous, "to": S.WITHDRAWN})
    application_withdrawn.send(sender=Application, application=application, actor=actor)
    return application


def _receipt_key(application: Application) -> str:
    # One receipt per submission: a double submit keeps submitted_at (same key), a re-submission after a
    # request for more information has a new one (a new receipt).
    return f"applications.received:{application.pk}:{application.submitted_at.isoformat()}"


def send_receipt(*, application_id: int, actor=None) -> bool:
    """Put the receipt of the latest submission into the outbox, queued (communications sends it, once).

    Called inside ``submit``'s transaction, so the mail exists exactly when the submission does. True when a
    new receipt was queued; False when there is nothing to send or this submission already has its receipt
    (a retried task, a double submit).
    """
    from campus.communications import services as outbox
    from campus.communications.models import OutboxMessage

    from .receipts import receipt_context

    with transaction.atomic():
        application = (
            Application.objects.select_for_update().select_related("call__edition__programme", "applicant")
            .filter(pk=application_id).first()
        )
        if application is None or application.submitted_at is None:
            return False
        key = _receipt_key(application)
        if OutboxMessage.objects.filter(dedupe_key=key).exists():
            return False
        outbox.compose(
            event="received", edition=application.call.edition, to_user=application.applicant,
            context=receipt_context(application), dedupe_key=key, related=application, actor=actor, send=True,
        )
        application.receipt_sent_at = timezone.now()  # the moment the receipt was queued in the outbox
        application.save(update_fields=["receipt_sent_at"])
        log_activity(action="applications.receipt_sent", target=application)
    return True


# --- staff ------------------------------------------------------------------------------------


@transaction.atomic
def extend_deadline(*, application: Application, until: datetime, actor) -> Application:
    application = _locked(application)
    if until <= timezone.now():
        raise ApplicationError("Choose a moment in the future.")
    previous = application.deadline_extended_to
    application.deadline_extended_to = until
    application.save(update_fields=["deadline_extended_to", "updated_at"])
    log_activity(
        action="applications.deadline_extended", target=application, actor=actor,
        **{"from": previous.isoformat() if previous else None, "to": until.isoformat()},
    )
    return application


@transaction.atomic
def request_more_information(*, application: Application, message: str, until: datetime, actor) -> Application:
    """Re-open a submitted application for correction; the applicant sees the request and answers it."""
    application = _locked(application)
    if not message.strip():
        raise ApplicationError("Tell the applicant what is missing.")
    previous = transition(application, S.MORE_INFO)
    application.more_info_request = message.strip()
    if until > application.deadline:
        application.deadline_extended_to = until
    application.save()
    log_activity(action="applications.more_information_requested", target=application, actor=actor,
                 **{"from": previous, "to": S.MORE_INFO})
    send_more_information_request(application_id=application.pk, actor=actor)
    return application


def send_more_information_request(*, application_id: int, actor=None) -> bool:
    """Put the request for more information into the outbox, queued. One mail per request: the key is the
    request's activity-log entry (a new request, a new mail; a retried task, none)."""
    from campus.communications import services as outbox
    from campus.communications.models import OutboxMessage

    from .receipts import more_information_context

    with transaction.atomic():
        application = (
            Application.objects.select_for_update().select_related("call__edition__programme", "applicant")
            .filter(pk=application_id).first()
        )
        if application is None or application.state != S.MORE_INFO:
            return False
        request = ActivityLog.objects.filter(
            action="applications.more_information_requested", target_type=application._meta.label_lower,
            target_id=str(application.pk),
        ).order_by("-pk").first()
        key = f"applications.more_information:{application.pk}:{request.pk if request else 0}"
        if OutboxMessage.objects.filter(dedupe_key=key).exists():
            return False
        outbox.compose(
            event="more_information", edition=application.call.edition, to_user=application.applicant,
            context=more_information_context(application), dedupe_key=key, related=application, actor=actor,
            send=True,
        )
        log_activity(action="applications.more_information_mailed", target=application, actor=actor)
    return True


@transaction.atomic
def override_eligibility(*, application: Application, status: str, reason: str, actor) -> Application:
    application = _locked(application)
    if status and not reason.strip():
        raise ApplicationError("Record why you override the screening.")
    previous = application.eligibility_override
    application.eligibility_override = status
    application.eligibility_override_reason = reason.strip() if status else ""
    application.eligibility_override_by = actor if status else None
    application.eligibility_override_at = timezone.now() if status else None
    application.save()
    log_activity(action="applications.eligibility_overridden", target=application, actor=actor,
                 **{"from": previous, "to": status, "reason": reason.strip()})
    return application


def record_export(*, call: Call, fmt: str, count: int, filters: dict, actor) -> None:
    """Personal data leaves the system with an export: who took which list, and when, is logged."""
    log_activity(action="applications.exported", target=call, actor=actor, format=fmt, applications=count, filters=filters)


# --- erasure of a person (called by the privacy handler, privacy_handler.py; it logs the erasure) ------------


def _anonymous_snapshot(snapshot: dict) -> dict:
    if not snapshot:
        return {}
    return {
        "reference": snapshot.get("reference", ""), "call": snapshot.get("call", ""),
        "submitted_at": snapshot.get("submitted_at"), "consent_version": snapshot.get("consent_version", ""),
        "answers": [{"step": item.get("step", ""), "key": item.get("key", ""), "label": item.get("label", ""),
                     "value": None, "display": ""} for item in snapshot.get("answers", [])],
        "documents": [{"kind": d.get("kind", ""), "name": "", "size": 0, "sha256": ""}
                      for d in snapshot.get("documents", [])],
        "erased": True,
    }


@transaction.atomic
def anonymise_applications(*, applications, documents) -> dict:
    """An erased applicant's ``applications`` (ids): ``documents`` deleted (files once committed), answers
    deleted; name, organisation, country, requests, screening messages and the submitted copy's values cleared.
    The rows stay, with call, state and dates (the counts by state survive)."""
    counts = {"applications": 0, "answers": 0, "documents": 0}
    for document in documents:
        _delete_file_on_commit(document)
        document.delete()
        counts["documents"] += 1
    for application in Application.objects.select_for_update().filter(pk__in=applications):
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
