"""Reads of the privacy app: everything held about one person, what an erasure touches, what has expired.

The privacy app sits at the bottom of the layout, so it may read every app above it; nothing above reads it.
"""

import calendar
import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from campus.applications import selectors as application_selectors
from campus.applications.models import Application, Call, Document
from campus.core.models import ActivityLog
from campus.programme.models import ContactMessage

from .models import ErasureRequest, RetentionPolicy

DEFAULT_DOCUMENTS_MONTHS = RetentionPolicy._meta.get_field("documents_months").default
# An erased account's address: unique, never deliverable (.invalid is reserved, RFC 2606).
ERASED_DOMAIN = "erased.invalid"


@dataclass
class Subject:
    """The person whose data is asked for: an account (with all its addresses), or only an address
    (someone who wrote through the contact form without an account)."""

    user: object | None
    emails: list[str] = field(default_factory=list)  # lower case

    @property
    def reference(self) -> str:
        """How the activity log names a person without an account: a keyed hash of the address."""
        return pseudonym(self.emails[0]) if self.emails else ""


def pseudonym(email: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()[:24]


def is_erased(user) -> bool:
    return bool(user is not None and user.email.endswith("@" + ERASED_DOMAIN))


def subject_for_user(user) -> Subject:
    emails = [user.email.lower()]
    for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True):
        if email.lower() not in emails:
            emails.append(email.lower())
    return Subject(user=user, emails=[e for e in emails if not e.endswith("@" + ERASED_DOMAIN)])


def subject_for_email(email: str) -> Subject | None:
    """The account that uses ``email`` (as its sign-in or another confirmed address), else the address alone
    when contact messages were sent with it, else None: we hold nothing under it."""
    email = email.strip().lower()
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        user = address.user if address is not None else None
    if user is not None:
        return subject_for_user(user)
    if ContactMessage.objects.filter(email__iexact=email).exists():
        return Subject(user=None, emails=[email])
    return None


# --- what we hold -------------------------------------------------------------------------------


def applications_of(subject: Subject) -> QuerySet[Application]:
    if subject.user is None:
        return Application.objects.none()
    return (Application.objects.filter(applicant=subject.user).select_related("call__edition")
            .order_by("created_at", "id"))


def contact_messages_of(subject: Subject) -> QuerySet[ContactMessage]:
    if not subject.emails:
        return ContactMessage.objects.none()
    condition = Q()
    for email in subject.emails:
        condition |= Q(email__iexact=email)
    return ContactMessage.objects.filter(condition).order_by("created_at", "id")


def erasure_requests_of(subject: Subject) -> QuerySet[ErasureRequest]:
    if subject.user is None:
        return ErasureRequest.objects.none()
    return ErasureRequest.objects.filter(user=subject.user).order_by("created_at", "id")


def _targets(subject: Subject, applications, contacts, requests) -> Q:
    """Activity-log entries whose target is the person, one of their applications, messages or requests,
    or (without an account) whose details name them by their pseudonym."""
    condition = Q(pk__in=[])
    groups = [
        (Application._meta.label_lower, [a.pk for a in applications]),
        (ContactMessage._meta.label_lower, [c.pk for c in contacts]),
        (ErasureRequest._meta.label_lower, [r.pk for r in requests]),
    ]
    if subject.user is not None:
        groups.append((subject.user._meta.label_lower, [subject.user.pk]))
    for target_type, ids in groups:
        if ids:
            condition |= Q(target_type=target_type, target_id__in=[str(pk) for pk in ids])
    for email in subject.emails:
        condition |= Q(data__subject=pseudonym(email))
    return condition


def activity_about(subject: Subject, applications, contacts, requests) -> QuerySet[ActivityLog]:
    """Entries about the person (their account, applications, messages, requests)."""
    return ActivityLog.objects.filter(_targets(subject, applications, contacts, requests))


def activity_by(subject: Subject) -> QuerySet[ActivityLog]:
    if subject.user is None:
        return ActivityLog.objects.none()
    return ActivityLog.objects.filter(actor=subject.user)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def personal_data(subject: Subject) -> tuple[dict, list[tuple[str, Document]]]:
    """Everything held about ``subject``: the data for data.json and the files (name in the zip, Document).

    Entries of the activity log about someone else (work a staff member did) show what and when, not
    the details, which are about other people.
    """
    user = subject.user
    applications = list(applications_of(subject))
    contacts = list(contact_messages_of(subject))
    requests = list(erasure_requests_of(subject))
    documents: dict[int, list[Document]] = {}
    for document in Document.objects.filter(application__in=applications).order_by("kind"):
        documents.setdefault(document.application_id, []).append(document)
    answers = application_selectors.answers_by_application(applications)
    references = {str(a.pk): a.reference for a in applications}

    data: dict = {
        "about": "Everything Cluster Campus holds about you. Your files are in this zip next to data.json.",
        "account": None,
        "email_addresses": [],
        "second_factors": [],
        "applications": [],
        "consents": [],
        "contact_messages": [],
        "erasure_requests": [],
        "activity": [],
    }
    files: list[tuple[str, Document]] = []
    if user is not None:
        data["account"] = {
            "email": user.email,
            "full_name": user.full_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "active": user.is_active,
            "staff": user.is_staff,
        }
        data["email_addresses"] = [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ]
        data["second_factors"] = [
            {"type": authenticator.type, "created_at": _iso(authenticator.created_at),
             "last_used_at": _iso(authenticator.last_used_at)}
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
        ]
    for application in applications:
        entry = {
            "reference": application.reference,
            "call": application.call.title,
            "state": application.state,
            "created_at": _iso(application.created_at),
            "submitted_at": _iso(application.submitted_at),
            "withdrawn_at": _iso(application.withdrawn_at),
            "answers": answers.get(application.pk, {}),
            "submitted_copy": application.snapshot,
            "consent_version": application.consent_version,
            "eligibility": {"status": application.eligibility, "reasons": application.eligibility_reasons},
            "more_information_requested": application.more_info_request,
            "documents": [],
        }
        for document in documents.get(application.pk, []):
            name = f"{application.reference}/{document.kind}-{document.original_name}"
            files.append((name, document))
            entry["documents"].append({"kind": document.kind, "file": name, "sha256": document.sha256,
                                       "uploaded_at": _iso(document.uploaded_at)})
        data["applications"].append(entry)
        if application.consent_version:
            data["consents"].append({"application": application.reference, "privacy_notice_version":
                                     application.consent_version, "accepted_at": _iso(application.consent_at)})
    data["contact_messages"] = [
        {"sent_at": _iso(c.created_at), "name": c.name, "email": c.email, "organisation": c.organisation,
         "topic": c.get_topic_display(), "message": c.message, "status": c.get_status_display(),
         "team_note": c.staff_note}
        for c in contacts
    ]
    data["erasure_requests"] = [
        {"requested_at": _iso(r.created_at), "state": r.get_state_display(), "reason": r.reason,
         "decided_at": _iso(r.decided_at), "note": r.note}
        for r in requests
    ]
    about = activity_about(subject, applications, contacts, requests)
    entries = ActivityLog.objects.filter(Q(pk__in=about.values("pk")) | Q(pk__in=activity_by(subject).values("pk")))
    about_ids = set(about.values_list("pk", flat=True))
    for entry in entries.order_by("created_at", "id"):
        item = {
            "at": _iso(entry.created_at),
            "action": entry.action,
            "by": "you" if user is not None and entry.actor_id == user.pk
            else ("the team" if entry.actor_id else "the system"),
        }
        if entry.pk in about_ids:
            if entry.target_type == Application._meta.label_lower:
                item["about"] = f"application {references.get(entry.target_id, entry.target_id)}"
            else:
                item["about"] = entry.target_type.split(".")[-1]
            details = {k: v for k, v in (entry.data or {}).items() if k != "subject"}
            if details:
                item["details"] = details
        else:
            item["about"] = entry.target_type.split(".")[-1] if entry.target_type else ""
        data["activity"].append(item)
    return data, files


def summary(subject: Subject) -> dict:
    """Counts of what we hold: for the person's page and the staff's view of a request."""
    applications = applications_of(subject)
    return {
        "applications": applications.count(),
        "documents": Document.objects.filter(application__in=applications).count(),
        "contact_messages": contact_messages_of(subject).count(),
        "activity": activity_by(subject).count(),
    }


# --- erasure requests (staff) ---------------------------------------------------------------------


def pending_erasure_requests() -> QuerySet[ErasureRequest]:
    return (ErasureRequest.objects.filter(state=ErasureRequest.State.PENDING).select_related("user")
            .order_by("created_at", "id"))


def decided_erasure_requests(limit: int = 50) -> list[ErasureRequest]:
    return list(
        ErasureRequest.objects.exclude(state=ErasureRequest.State.PENDING)
        .select_related("user", "decided_by").order_by("-decided_at", "-id")[:limit]
    )


def open_request_of(user) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, state=ErasureRequest.State.PENDING).first()


def latest_request_of(user) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user).order_by("-created_at", "-id").first()


# --- retention ------------------------------------------------------------------------------------

# The states of an application whose documents are kept beyond the retention period. There is no
# "admitted" state yet (admissions come later): until then every application counts as not admitted.
ADMITTED_STATES = frozenset({"admitted"})


def not_admitted(applications: QuerySet[Application]) -> QuerySet[Application]:
    """THE predicate of the retention rule: the applications whose documents expire. Change it here only
    (e.g. when admissions add offers and participants)."""
    return applications.exclude(state__in=ADMITTED_STATES)


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus whole calendar months (31 January + 1 month = 28/29 February)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def documents_months(edition) -> int:
    policy = RetentionPolicy.objects.filter(edition=edition).first()
    return policy.documents_months if policy is not None else DEFAULT_DOCUMENTS_MONTHS


def closed_calls(now: datetime) -> list[Call]:
    return list(Call.objects.filter(closes_at__lte=now).select_related("edition").order_by("closes_at", "id"))


def expired_documents(call: Call, *, months: int, now: datetime) -> list[Document]:
    """The documents of ``call``'s applications that are not admitted, ``months`` after the call closed
    (or after the applicant's own extended deadline, when later)."""
    if add_months(call.closes_at, months) > now:
        return []
    applications = not_admitted(Application.objects.filter(call=call))
    documents = Document.objects.filter(application__in=applications).select_related("application").order_by("pk")
    result = []
    for document in documents:
        document.application.call = call
        if add_months(document.application.deadline, months) <= now:
            result.append(document)
    return result
