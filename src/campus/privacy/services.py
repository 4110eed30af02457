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

from campus.applications.models import Application
from campus.core.activity import log_activity

from . import selectors
from .erasure import SAFE_ACTIVITY_KEYS, delete_file_on_commit, erase_person  # noqa: F401 (the services' API)
from .models import ErasureRequest, RetentionPolicy
from .selectors import Subject
from .states import transition

logger = logging.getLogger(__name__)
R = ErasureRequest.State

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
    "programme.ContactMessage": "Access: the messages sent with any of the person's confirmed addresses. "
                                "Erasure: name, address, organisation, message and note cleared; topic, status "
                                "and date stay.",
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
    "sessions.Session": "Access: not exported (a signed account number). Erasure: the sessions of the "
                        "person's account deleted, and those holding a confirmed address of theirs as a value.",
    "django_tasks_database.DBTaskResult": "Access: not exported (mail on its way). Erasure: tasks addressed to a "
                                          "confirmed address of the person, or naming them by full name, deleted.",
    "communications.OutboxMessage": "Access: the messages to the person's account, or without an account to their "
                                    "confirmed addresses, that were queued, "
                                    "sent or failed (event, address, subject, text, state, times); drafts and "
                                    "cancelled messages are the team's work and never went out. Erasure: "
                                    "messages not yet sent are cancelled first (nothing goes out afterwards), "
                                    "then address, subject, text and error of every message to the person are "
                                    "cleared; the rows stay, so the same message is never composed and sent "
                                    "again. In messages to others that name the person by full name or confirmed "
                                    "address (whole words), their names, addresses, phone and organisation are "
                                    "replaced. "
                                    "Staff who created or sent messages: set to nobody.",
    "team.TeamMembership": "Access: the team member's roles per edition. Erasure: deleted.",
    "review.ReviewAssignment": "Access: the team member's assignments (applications by reference number only). "
                               "Erasure of the reviewer, or of the applicant: deleted. Staff who assigned: set to "
                               "nobody.",
    "review.ConflictOfInterest": "Access: the conflicts the team member declared, with the reason (applications "
                                 "by reference number); not in the applicant's download (the reviewer's data). "
                                 "Erasure of the reviewer, or of the applicant: deleted.",
    "review.Review": "Access for the applicant: once the application's results are released (never before: the "
                     "team's work in progress, like exam marks before the results), each review's kind, "
                     "recommendation, total, scores per criterion and the comment meant for the applicant, without "
                     "the reviewer's identity (that is the reviewer's data); the comment for the team is not "
                     "exported, as it may compare the person with other applicants. Access for the reviewer: the "
                     "reviews they wrote, with scores and totals, the application by reference number only, not "
                     "the comments (about the applicant). Erasure of the applicant: both comments cleared; the "
                     "recommendation, scores and total stay as anonymous numbers of an anonymised application. "
                     "Erasure of the reviewer: the reviews stay so that the ranking of the applicants does not "
                     "change, linked to the reviewer's anonymised account (no name, no address: pseudonymous, by "
                     "the account's number), the reviewer's name and addresses replaced in the comments. In comments "
                     "on other applications an erased person's names, addresses, phone and organisation are "
                     "replaced.",
    "interviews.Invitation": "Access: the invitation, its message and the booked slot (time, zone, place or "
                             "link), without the panel's names. Erasure: the message cleared, the invitation "
                             "cancelled; the staff member who invited: set to nobody.",
    "interviews.InterviewSlot": "Access: the applicant's booking (with the invitation); a team member's panels. "
                                "Erasure of the applicant: the booking released (the slot is free again). Erasure "
                                "of a panel member: removed from every panel.",
    "admissions.Decision": "Access: the outcome and waitlist rank once released, never a staged decision (that would "
                           "show the team's work before the release); the note is for the team and not exported. "
                           "Erasure: the note cleared (also where another applicant's note names the person); the "
                           "outcome stays for the counts; the staff member who staged it: set to nobody.",
    "admissions.Offer": "Access: every offer made (state, how, made, reply-by, responded) and the acceptance letter "
                        "PDF in the zip; an offer only suggested and not yet confirmed by a manager is not exported. "
                        "Erasure: the letter deleted from disk and the field cleared. The erased person can no longer "
                        "sign in to answer, so an open offer is declined on their behalf and a suggested promotion "
                        "dismissed (through the admissions services: the place goes to the next on the waitlist at "
                        "once); an accepted offer stays accepted (the place stays taken; a manager decides about "
                        "it); the offers' states and dates stay.",
    "cohort.Participant": "Access: the editions the person takes part in. Erasure: deleted (an erased person is no "
                          "longer in the cohort; their accepted offer stays, so the place is not offered again).",
}

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
    counts = {"applications": len(data["applications"]), "files": len(files),
              "contact_messages": len(data["contact_messages"]), "messages": len(data["messages"])}
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
                delete_file_on_commit(document)
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
