"""Subject access: everything held about one person, gathered from every app's privacy handler
(``campus.core.plugins.privacy``) and from what the privacy app handles itself (the account, its addresses
and second factors, the activity log, erasure requests). Knows no app by name."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q, QuerySet

from campus.core.models import ActivityLog
from campus.core.plugins import privacy as plugins
from campus.core.plugins.privacy import Person, Subject, iso, pseudonym

from .models import ErasureRequest


def prepared(subject: Subject, *, actor=None) -> Person:
    """The shared state of one export or plan: every handler's ``prepare`` has run (in order)."""
    person = Person(subject=subject, actor=actor)
    for handler in plugins.handlers():
        handler.prepare(person)
    return person


def erasure_requests_of(subject: Subject) -> QuerySet[ErasureRequest]:
    if subject.user is None:
        return ErasureRequest.objects.none()
    return ErasureRequest.objects.filter(user=subject.user).order_by("created_at", "id")


def about_condition(person: Person, requests=()) -> Q:
    """Activity-log entries whose target is the person, one of the objects the handlers found (their
    applications, messages, offers ...) or their requests, or (without an account) whose details name them by
    their pseudonym."""
    condition = Q(pk__in=[])
    groups = [*person.targets, list(requests)]
    if person.user is not None:
        groups.append([person.user])
    for objects in groups:
        if objects:
            condition |= Q(target_type=objects[0]._meta.label_lower, target_id__in=[str(o.pk) for o in objects])
    for email in person.subject.emails:
        condition |= Q(data__subject=pseudonym(email))
    return condition


def activity_by(subject: Subject) -> QuerySet[ActivityLog]:
    if subject.user is None:
        return ActivityLog.objects.none()
    return ActivityLog.objects.filter(actor=subject.user)


def _account(user) -> dict:
    return {
        "account": {"email": user.email, "given_name": user.given_name, "family_name": user.family_name,
                    "full_name": user.full_name, "date_joined": iso(user.date_joined),
                    "last_login": iso(user.last_login), "active": user.is_active, "staff": user.is_staff},
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "second_factors": [
            {"type": authenticator.type, "created_at": iso(authenticator.created_at),
             "last_used_at": iso(authenticator.last_used_at)}
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
    }


def _activity(person: Person, requests) -> list[dict]:
    """Entries about the person and by them. The team's internal assessment (actions the handlers call
    internal) about an object whose results are withheld, or never confirmed, is left out; entries about
    others show what and when, not the details."""
    handlers = plugins.handlers()
    internal_actions = tuple(a for h in handlers for a in h.internal_actions)
    unconfirmed = frozenset().union(*(h.unconfirmed_actions for h in handlers))
    user = person.user
    about = ActivityLog.objects.filter(about_condition(person, requests))
    by = activity_by(person.subject)
    entries = ActivityLog.objects.filter(Q(pk__in=about.values("pk")) | Q(pk__in=by.values("pk")))
    about_ids = set(about.values_list("pk", flat=True))
    result = []
    for entry in entries.order_by("created_at", "id"):
        internal = entry.action.startswith(internal_actions)
        target = (entry.target_type, entry.target_id)
        if entry.pk in about_ids and internal and (entry.action in unconfirmed or target in person.withheld):
            continue  # the team's assessment of something whose results are not released yet
        item = {
            "at": iso(entry.created_at),
            "action": entry.action,
            "by": "you" if user is not None and entry.actor_id == user.pk
            else ("the team" if entry.actor_id else "the system"),
        }
        if entry.pk in about_ids:
            item["about"] = person.target_names.get(target) or entry.target_type.split(".")[-1]
            details = {k: v for k, v in (entry.data or {}).items()
                       if k != "subject" and (not internal or k in ("from", "to"))}
            if details:
                item["details"] = details
        else:
            item["about"] = entry.target_type.split(".")[-1] if entry.target_type else ""
        result.append(item)
    return result


def personal_data(subject: Subject) -> tuple[dict, list[tuple[str, object]]]:
    """Everything held about ``subject``: the data for data.json and the files (name in the zip, FieldFile).
    Each app's handler adds its sections (see its HANDLING for what it leaves out, and why)."""
    person = prepared(subject)
    requests = list(erasure_requests_of(subject))
    data: dict = {
        "about": "Everything Cluster Campus holds about you. Your files are in this zip next to data.json.",
        "account": None, "email_addresses": [], "second_factors": [],
    }
    if subject.user is not None:
        data.update(_account(subject.user))
    files: list[tuple[str, object]] = []
    notes: list[str] = []
    for handler in plugins.handlers():
        sections, found = handler.export(person)
        data.update(sections)
        files += found
        notes += handler.notes
    data["erasure_requests"] = [
        {"requested_at": iso(r.created_at), "state": r.get_state_display(), "reason": r.reason,
         "decided_at": iso(r.decided_at), "note": r.note}
        for r in requests
    ]
    data["activity"] = _activity(person, requests)
    data["notes"] = notes
    return data, files


def summary(subject: Subject) -> dict:
    """Counts of what we hold: for the person's page and the staff's view of a request."""
    counts: dict = {}
    for handler in plugins.handlers():
        counts.update(handler.summary(subject))
    counts["activity"] = activity_by(subject).count()
    return counts
