"""The only code of the privacy app that changes state: exports (subject access), erasure, retention.

Keyword-only arguments, one transaction each, an activity-log entry for every change. Files are deleted
from disk only once the transaction that removed their rows has committed.
"""

import io
import json
import logging
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

from campus.admissions.models import Decision, Offer
from campus.applications.models import Answer, Application, Document, Question
from campus.cohort.models import Participant
from campus.communications.models import OutboxMessage
from campus.core.activity import log_activity
from campus.core.models import ActivityLog
from campus.interviews.models import InterviewSlot, Invitation
from campus.programme.models import ContactMessage
from campus.review.models import ConflictOfInterest, Review, ReviewAssignment, TeamMembership

from . import selectors
from .models import ErasureRequest, RetentionPolicy
from .selectors import ERASED_DOMAIN, Subject
from .states import transition

logger = logging.getLogger(__name__)
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
    "communications.OutboxMessage": "Access: the messages to the person's account or addresses that were queued, "
                                    "sent or failed (event, address, subject, text, state, times); drafts and "
                                    "cancelled messages are the team's work and never went out. Erasure: "
                                    "messages not yet sent are cancelled first (nothing goes out afterwards), "
                                    "then address, subject, text and error of every message to the person are "
                                    "cleared; the rows stay, so the same message is never composed and sent "
                                    "again. In messages to others, the person's names, addresses, phone and organisation are replaced. "
                                    "Staff who created or sent messages: set to nobody.",
    "review.TeamMembership": "Access: the team member's roles per edition. Erasure: deleted.",
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

# Details of activity-log entries that never hold personal values; everything else is removed from
# the entries about an erased person.
SAFE_ACTIVITY_KEYS = frozenset({
    "step", "kind", "size", "version", "from", "to", "topic", "format", "by", "applications", "documents",
    "files", "contact_messages", "months", "answers", "accounts", "activity", "sessions", "tasks",
    "messages", "outbox_cancelled", "outbox_cleared", "invitations", "bookings", "decisions", "letters",
    "reviews", "conflicts", "participants", "team_roles", "assignments", "panels", "admin_log", "offers_given_up",
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


def _name_identifiers(subject: Subject, applications, contacts) -> list[str]:
    """A narrower set for other people's texts (another applicant's review, a mail to the team): addresses,
    phone numbers, organisations and names as written, and the words of the names, but not the words of
    organisations ("Cluster", "Energy" are in every review of a cluster programme)."""
    user = subject.user
    names: set[str] = {user.full_name} if user is not None else set()
    whole: set[str] = set(subject.emails)
    for application in applications:
        names.add(application.full_name)
        whole.add(application.organisation)
    rows = Answer.objects.filter(application__in=applications).values_list("question__key", "question__kind", "value")
    for key, kind, value in rows:
        if isinstance(value, str):
            if key in ("first_name", "last_name", "full_name", "name"):
                names.add(value)
            elif kind in (Question.Kind.EMAIL, Question.Kind.PHONE) or "name" in key or key == "organisation":
                whole.add(value)  # e.g. the cluster's name, as a whole
    for contact in contacts:
        names.add(contact.name)
        whole.update([contact.email, contact.organisation])
    values = whole | names | {w.strip(",.;:()") for n in names if n for w in n.split()}
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


def _delete_file_on_commit(document) -> None:
    """Delete a file from disk once the transaction commits: a Document's, or any FieldFile."""
    stored = document.file if isinstance(document, Document) else document
    storage, name = stored.storage, stored.name
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


def _erase_outbox(subject, pattern, identifiers) -> dict:
    """Messages to the person: those not sent yet cancelled first (a send task that runs later finds nothing
    to send), then address, subject, text and error cleared. The rows stay: their dedupe keys keep the same
    message from being composed and sent again. Messages to others that name the person: names replaced."""
    counts = {"outbox_cancelled": 0, "outbox_cleared": 0}
    own = set(selectors.outbox_messages_of(subject).values_list("pk", flat=True))
    mentioning = (_mentioning("subject", identifiers) | _mentioning("body", identifiers)
                  | _mentioning("error", identifiers) | _mentioning("dedupe_key", identifiers))
    for message in OutboxMessage.objects.select_for_update().filter(Q(pk__in=own) | mentioning).order_by("pk"):
        if message.pk in own:
            if message.state != OutboxMessage.State.SENT:
                if message.state != OutboxMessage.State.CANCELLED:
                    counts["outbox_cancelled"] += 1
                message.state = OutboxMessage.State.CANCELLED
            message.to_email = message.subject = message.body = message.error = ""
            counts["outbox_cleared"] += 1
        else:
            message.subject = _scrub(message.subject, pattern)
            message.body = _scrub(message.body, pattern)
            message.error = _scrub(message.error, pattern)
        if pattern is not None and pattern.search(message.dedupe_key):
            message.dedupe_key = f"erased:{message.pk}"
        message.save(update_fields=["state", "to_email", "subject", "body", "error", "dedupe_key", "updated_at"])
    return counts


def _give_up_offers(ids, actor) -> int:
    """The person can no longer sign in to answer an offer: an open offer is declined on their behalf and a
    suggested promotion dismissed, through the admissions services, so the place goes to the next on the
    waitlist at once (and no reminder is mailed to an erased account). Should admissions refuse (e.g. a mail
    template is missing), the offer stays as it is and expires at its reply-by moment."""
    from campus.admissions import services as admissions

    given_up = 0
    live = Offer.objects.filter(application_id__in=ids, state__in=[Offer.State.OPEN, Offer.State.SUGGESTED])
    for offer_id, state in live.values_list("pk", "state"):
        try:
            give_up = admissions.decline_offer if state == Offer.State.OPEN else admissions.dismiss_promotion
            give_up(offer=offer_id, actor=actor)  # its own savepoint: a refusal rolls back only itself
            given_up += 1
        except Exception:  # noqa: BLE001 - erasure goes on whatever admissions says
            logger.warning("Offer %s of an erased person was left as it is", offer_id, exc_info=True)
    return given_up


def _erase_review_and_admission(user, applications, pattern, identifiers, actor) -> dict:
    """What review, interviews, admissions and cohort hold about the person, as applicant and as team member."""
    ids = [a.pk for a in applications]
    counts = {"offers_given_up": _give_up_offers(ids, actor)}
    # as applicant
    counts["invitations"] = 0
    for invitation in Invitation.objects.select_for_update().filter(application_id__in=ids):
        invitation.message = ""
        invitation.cancelled_at = invitation.cancelled_at or timezone.now()
        invitation.save(update_fields=["message", "cancelled_at", "updated_at"])
        counts["invitations"] += 1
    counts["bookings"] = InterviewSlot.objects.filter(booked_by_id__in=ids).update(
        booked_by=None, booked_at=None, updated_at=timezone.now())
    counts["decisions"] = Decision.objects.filter(application_id__in=ids).exclude(note="").update(
        note="", updated_at=timezone.now())
    counts["letters"] = 0
    for offer in Offer.objects.select_for_update().filter(application_id__in=ids).exclude(letter=""):
        _delete_file_on_commit(offer.letter)
        offer.letter = ""
        offer.save(update_fields=["letter", "updated_at"])
        counts["letters"] += 1
    counts["reviews"] = Review.objects.filter(application_id__in=ids).update(
        comment_team="", comment_applicant="", updated_at=timezone.now())
    # who was to review the application and who may not: no longer needed once its applicant is erased
    counts["assignments"] = ReviewAssignment.objects.filter(application_id__in=ids).delete()[0]
    counts["conflicts"] = ConflictOfInterest.objects.filter(application_id__in=ids).delete()[0]
    counts["participants"] = Participant.objects.filter(Q(user=user) | Q(application_id__in=ids)).delete()[0]
    # as team member: roles, assignments, conflicts and panels go; the reviews written stay (see HANDLING)
    counts["team_roles"] = TeamMembership.objects.filter(user=user).delete()[0]
    counts["assignments"] += ReviewAssignment.objects.filter(reviewer=user).delete()[0]
    counts["conflicts"] += ConflictOfInterest.objects.filter(reviewer=user).delete()[0]
    counts["panels"] = InterviewSlot.panel.through.objects.filter(user=user).delete()[0]
    # anywhere else: free text that names the person (another applicant's review comparing them, a note)
    for model, fields in ((Review, ("comment_team", "comment_applicant")), (Decision, ("note",)),
                          (Invitation, ("message",)), (ConflictOfInterest, ("reason",))):
        condition = Q(pk__in=[])
        for name in fields:
            condition |= _mentioning(name, identifiers)
        for row in model.objects.select_for_update().filter(condition):
            for name in fields:
                setattr(row, name, _scrub(getattr(row, name), pattern))
            row.save(update_fields=[*fields, "updated_at"] if hasattr(row, "updated_at") else list(fields))
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


def _erase_activity(subject, applications, contacts, requests, pattern, identifiers, extra=()) -> int:
    about = selectors.activity_about(subject, applications, contacts, requests, extra)
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
        names = _name_identifiers(subject, applications, contacts)  # for other people's texts

        held = selectors.review_data_of(applications)
        extra = [held["invitations"], held["decisions"], held["offers"], held["reviews"],
                 list(selectors.outbox_messages_of(subject)), list(selectors.participants_of(subject, applications))]

        counts = _erase_applications(applications)
        counts["contact_messages"] = _erase_contact_messages(contacts)
        counts.update(_erase_outbox(subject, _pattern(names), names))
        counts.update(_erase_review_and_admission(user, applications, _pattern(names), names, actor))
        counts["activity"] = _erase_activity(subject, applications, contacts, requests, pattern, identifiers, extra)
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
