"""Reads of the privacy app: everything held about one person, what an erasure touches, what has expired.

The privacy app sits at the bottom of the layout, so it may read every app above it; nothing above reads it.
"""

import calendar
from datetime import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q, QuerySet

from campus.admissions.models import AdmissionSettings, Decision, Offer
from campus.applications import selectors as application_selectors
from campus.applications.models import Application, Call, Document
from campus.cohort.models import Participant
from campus.communications.models import OutboxMessage
from campus.core.models import ActivityLog
from campus.interviews.models import InterviewSlot, Invitation
from campus.programme.models import ContactMessage
from campus.review.models import ConflictOfInterest, Review, ReviewAssignment
from campus.team.models import TeamMembership

# who a person is (only confirmed addresses count): see identity.py
from .identity import ERASED_DOMAIN, Subject, is_erased, pseudonym, subject_for_email, subject_for_user  # noqa: F401
from .models import ErasureRequest, RetentionPolicy

DEFAULT_DOCUMENTS_MONTHS = RetentionPolicy._meta.get_field("documents_months").default


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


# --- review and admission -------------------------------------------------------------------------

# The outbox states of messages the team decided to send (or sent). Drafts are the team's work in progress
# (a decision mail may be drafted before its decision is released) and cancelled ones were never sent:
# neither is in the person's download.
SENT_STATES = (OutboxMessage.State.QUEUED, OutboxMessage.State.SENT, OutboxMessage.State.FAILED)
# Activity-log actions of the team's internal assessment: about a person's application, they are in the
# download only once the application's results are released, and then without their details (but the
# change of state, "from" and "to").
INTERNAL_ACTIONS = ("review.", "admissions.")
# Never in the download: a promotion a manager has not confirmed yet (the offer that follows is).
UNCONFIRMED_ACTIONS = frozenset({"admissions.promotion_suggested"})


def outbox_messages_of(subject: Subject) -> QuerySet[OutboxMessage]:
    """Every outbox message to the person: to their account, or without an account to one of their confirmed
    addresses. A message to an account is that account's alone, whatever its address."""
    condition = Q(recipient=subject.user) if subject.user is not None else Q(pk__in=[])
    for email in subject.emails:
        condition |= Q(recipient__isnull=True, to_email__iexact=email)
    return OutboxMessage.objects.filter(condition).order_by("created_at", "id")


def released_application_ids(applications) -> set[int]:
    """The applications whose results the applicant may see: their decision is released or, without a
    decision, the call's decisions are. Before that, the team's assessment (reviews, staged decisions) is
    its work in progress and is not in the person's download."""
    applications = list(applications)
    if not applications:
        return set()
    ids = [a.pk for a in applications]
    decisions = dict(Decision.objects.filter(application_id__in=ids).values_list("application_id", "released_at"))
    released_calls = set(AdmissionSettings.objects.filter(
        call_id__in={a.call_id for a in applications}, released_at__isnull=False).values_list("call_id", flat=True))
    return {
        a.pk for a in applications
        if (decisions[a.pk] is not None if a.pk in decisions else a.call_id in released_calls)
    }


def review_data_of(applications) -> dict:
    """The objects of review and admission that hang off ``applications`` (all of them, released or not)."""
    ids = [a.pk for a in applications]
    return {
        "invitations": list(Invitation.objects.filter(application_id__in=ids).order_by("created_at", "id")),
        "slots": list(InterviewSlot.objects.filter(booked_by_id__in=ids).order_by("starts_at", "id")),
        "decisions": list(Decision.objects.filter(application_id__in=ids).order_by("application_id")),
        "offers": list(Offer.objects.filter(application_id__in=ids).order_by("made_at", "id")),
        "reviews": list(Review.objects.filter(application_id__in=ids).prefetch_related("scores__criterion")
                        .order_by("application_id", "kind", "submitted_at", "id")),
        "conflicts": list(ConflictOfInterest.objects.filter(application_id__in=ids).order_by("id")),
    }


def participants_of(subject: Subject, applications) -> QuerySet[Participant]:
    if subject.user is None:
        return Participant.objects.none()
    return (Participant.objects.filter(Q(user=subject.user) | Q(application__in=[a.pk for a in applications]))
            .select_related("edition", "application").order_by("created_at", "id"))


def _scores(review: Review) -> list[dict]:
    result = []
    for score in sorted(review.scores.all(), key=lambda s: (s.criterion.order, s.criterion_id)):
        scale = score.criterion.scale or []
        label = scale[score.value - 1] if 0 < score.value <= len(scale) else ""
        result.append({"criterion": score.criterion.name, "weight": score.criterion.weight,
                       "score": score.value, "label": label})
    return result


def _staff_work(user) -> dict:
    """What a team member did in review and admission: roles, reviews written, assignments, conflicts
    declared, interview panels. Applications are named by their reference number only."""
    reviews = list(Review.objects.filter(reviewer=user).select_related("application")
                   .prefetch_related("scores__criterion").order_by("submitted_at", "id"))
    assignments = list(ReviewAssignment.objects.filter(reviewer=user).select_related("application")
                       .order_by("created_at", "id"))
    conflicts = list(ConflictOfInterest.objects.filter(reviewer=user).select_related("application")
                     .order_by("created_at", "id"))
    panels = list(InterviewSlot.objects.filter(panel=user).select_related("call").order_by("starts_at", "id"))
    return {
        "team_roles": [
            {"edition": str(m.edition), "role": m.get_role_display(), "since": _iso(m.created_at)}
            for m in TeamMembership.objects.filter(user=user).select_related("edition__programme")
            .order_by("created_at", "id")
        ],
        "reviews_written": [
            {"application": r.application.reference, "kind": r.get_kind_display(),
             "recommendation": r.get_recommendation_display(), "total": str(r.total), "scores": _scores(r),
             "submitted_at": _iso(r.submitted_at)}
            for r in reviews
        ],
        "review_assignments": [
            {"application": a.application.reference, "kind": a.get_kind_display(),
             "assigned_at": _iso(a.created_at), "reminded_at": _iso(a.reminded_at)}
            for a in assignments
        ],
        "conflicts_declared": [
            {"application": c.application.reference, "reason": c.reason, "declared_at": _iso(c.created_at)}
            for c in conflicts
        ],
        "interview_panels": [
            {"call": s.call.title, "starts_at": _iso(s.starts_at), "ends_at": _iso(s.ends_at),
             "timezone": s.timezone, "place": s.place, "online_link": s.online_link}
            for s in panels
        ],
    }


def _targets(subject: Subject, applications, contacts, requests, extra=()) -> Q:
    """Activity-log entries whose target is the person, one of their applications, messages or requests (or
    one of the ``extra`` objects: their offers, invitations, ...), or (without an account) whose details name
    them by their pseudonym."""
    condition = Q(pk__in=[])
    groups = [
        (Application._meta.label_lower, [a.pk for a in applications]),
        (ContactMessage._meta.label_lower, [c.pk for c in contacts]),
        (ErasureRequest._meta.label_lower, [r.pk for r in requests]),
        *[(objects[0]._meta.label_lower, [o.pk for o in objects]) for objects in extra if objects],
    ]
    if subject.user is not None:
        groups.append((subject.user._meta.label_lower, [subject.user.pk]))
    for target_type, ids in groups:
        if ids:
            condition |= Q(target_type=target_type, target_id__in=[str(pk) for pk in ids])
    for email in subject.emails:
        condition |= Q(data__subject=pseudonym(email))
    return condition


def activity_about(subject: Subject, applications, contacts, requests, extra=()) -> QuerySet[ActivityLog]:
    """Entries about the person (their account, applications, messages, requests; ``extra``: lists of further
    objects of theirs, e.g. their offers)."""
    return ActivityLog.objects.filter(_targets(subject, applications, contacts, requests, extra))


def activity_by(subject: Subject) -> QuerySet[ActivityLog]:
    if subject.user is None:
        return ActivityLog.objects.none()
    return ActivityLog.objects.filter(actor=subject.user)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def personal_data(subject: Subject) -> tuple[dict, list[tuple[str, object]]]:
    """Everything held about ``subject``: the data for data.json and the files (name in the zip, FieldFile).

    Entries of the activity log about someone else (work a staff member did) show what and when, not
    the details, which are about other people. The team's assessment of an application (reviews, the
    staged decision, an offer only suggested) is in it once the application's results are released, never
    before; reviewers stay anonymous and the comments for the team are not in it (see HANDLING).
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
    by_id = {a.pk: a for a in applications}
    released = released_application_ids(applications)
    held = review_data_of(applications)
    messages = [m for m in outbox_messages_of(subject) if m.state in SENT_STATES]
    decisions = [d for d in held["decisions"] if d.released_at is not None]
    offers = [o for o in held["offers"] if o.state != Offer.State.SUGGESTED]
    participants = list(participants_of(subject, applications).select_related("edition__programme"))

    data: dict = {
        "about": "Everything Cluster Campus holds about you. Your files are in this zip next to data.json.",
        "account": None,
        "email_addresses": [],
        "second_factors": [],
        "applications": [],
        "consents": [],
        "contact_messages": [],
        "messages": [],
        "interviews": [],
        "decisions": [],
        "offers": [],
        "participations": [],
        "reviews_of_your_applications": [],
        "team_roles": [],
        "reviews_written": [],
        "review_assignments": [],
        "conflicts_declared": [],
        "interview_panels": [],
        "erasure_requests": [],
        "activity": [],
        "notes": [
            "Reviews of your application and the decision on it are here once the results are released; "
            "before that they are the team's work in progress. Reviewers are not named.",
            "The comments reviewers and the team wrote for each other (not meant for you) are not in this "
            "file: they can compare you with other applicants. Ask the team for them if you want them.",
            "Reviews you wrote as a team member are listed with their scores, not their comments (those are "
            "about the applicants), and applications by their reference number only.",
        ],
    }
    files: list[tuple[str, object]] = []
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
        data.update(_staff_work(user))
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
            files.append((name, document.file))
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
    data["messages"] = [
        {"event": m.get_event_display(), "to": m.to_email, "subject": m.subject, "body": m.body,
         "state": m.get_state_display(), "queued_at": _iso(m.queued_at), "sent_at": _iso(m.sent_at)}
        for m in messages
    ]
    slots = {slot.booked_by_id: slot for slot in held["slots"]}
    for invitation in held["invitations"]:
        slot = slots.get(invitation.application_id)
        data["interviews"].append({
            "application": by_id[invitation.application_id].reference,
            "invited_at": _iso(invitation.created_at),
            "message": invitation.message,
            "cancelled_at": _iso(invitation.cancelled_at),
            "booking": None if slot is None else {
                "starts_at": _iso(slot.starts_at), "ends_at": _iso(slot.ends_at), "timezone": slot.timezone,
                "place": slot.place, "online_link": slot.online_link, "booked_at": _iso(slot.booked_at),
            },
        })
    data["decisions"] = [
        {"application": by_id[d.application_id].reference, "outcome": d.get_outcome_display(),
         "waitlist_rank": d.waitlist_rank, "released_at": _iso(d.released_at)}
        for d in decisions
    ]
    for offer in offers:
        reference = by_id[offer.application_id].reference
        item = {"application": reference, "state": offer.get_state_display(), "via": offer.get_via_display(),
                "made_at": _iso(offer.made_at), "reply_by": _iso(offer.reply_by),
                "responded_at": _iso(offer.responded_at), "letter": None}
        if offer.letter:
            item["letter"] = f"{reference}/acceptance-letter-{offer.pk}.pdf"
            files.append((item["letter"], offer.letter))
        data["offers"].append(item)
    data["participations"] = [
        {"edition": str(p.edition), "since": _iso(p.created_at),
         "application": p.application.reference if p.application else None}
        for p in participants
    ]
    data["reviews_of_your_applications"] = [
        {"application": by_id[r.application_id].reference, "kind": r.get_kind_display(),
         "recommendation": r.get_recommendation_display(), "total": str(r.total), "scores": _scores(r),
         "comment": r.comment_applicant, "submitted_at": _iso(r.submitted_at)}
        for r in held["reviews"] if r.application_id in released
    ]
    data["erasure_requests"] = [
        {"requested_at": _iso(r.created_at), "state": r.get_state_display(), "reason": r.reason,
         "decided_at": _iso(r.decided_at), "note": r.note}
        for r in requests
    ]
    extra = [held["invitations"], decisions, offers, messages, participants]
    about = activity_about(subject, applications, contacts, requests, extra)
    entries = ActivityLog.objects.filter(Q(pk__in=about.values("pk")) | Q(pk__in=activity_by(subject).values("pk")))
    about_ids = set(about.values_list("pk", flat=True))
    application_type = Application._meta.label_lower
    for entry in entries.order_by("created_at", "id"):
        internal = entry.action.startswith(INTERNAL_ACTIONS)
        if entry.pk in about_ids and internal and (
            entry.action in UNCONFIRMED_ACTIONS
            or (entry.target_type == application_type and int(entry.target_id) not in released)
        ):
            continue  # the team's assessment of an application whose results are not released yet
        item = {
            "at": _iso(entry.created_at),
            "action": entry.action,
            "by": "you" if user is not None and entry.actor_id == user.pk
            else ("the team" if entry.actor_id else "the system"),
        }
        if entry.pk in about_ids:
            if entry.target_type == application_type:
                item["about"] = f"application {references.get(entry.target_id, entry.target_id)}"
            else:
                item["about"] = entry.target_type.split(".")[-1]
            details = {k: v for k, v in (entry.data or {}).items()
                       if k != "subject" and (not internal or k in ("from", "to"))}
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
        "messages": outbox_messages_of(subject).filter(state__in=SENT_STATES).count(),
        "reviews_written": Review.objects.filter(reviewer=subject.user).count() if subject.user else 0,
        "team_roles": TeamMembership.objects.filter(user=subject.user).count() if subject.user else 0,
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

# The states of an application whose documents are kept beyond the retention period (applications have
# no such state of their own: admission is an accepted offer or a participant record, see below).
ADMITTED_STATES = frozenset({"admitted"})


def not_admitted(applications: QuerySet[Application]) -> QuerySet[Application]:
    """THE predicate of the retention rule: the applications whose documents expire. Change it here only.
    Admitted: the applicant accepted an offer, or is a participant of the edition."""
    accepted = Offer.objects.filter(state=Offer.State.ACCEPTED).values("application_id")
    participating = Participant.objects.filter(application__isnull=False).values("application_id")
    return (applications.exclude(state__in=ADMITTED_STATES).exclude(pk__in=accepted)
            .exclude(pk__in=participating))


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
