"""Erasure executes its plan (``erasure_plan.plan_erasure``): the rows of the person, found by key and by their
confirmed addresses, are removed or anonymised; other people's rows change only where the person's identifiers
occur with certainty, by whole words (``scrub``). One transaction; files leave the disk after the commit."""

import logging
import uuid

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db import transaction
from django.utils import timezone

from campus.admissions.models import Decision, Offer
from campus.applications.models import Answer, Application, Document
from campus.cohort.models import Participant
from campus.communications.models import OutboxMessage
from campus.core.activity import log_activity
from campus.core.models import ActivityLog
from campus.interviews.models import InterviewSlot, Invitation
from campus.programme.models import ContactMessage
from campus.review.models import ConflictOfInterest, Review, ReviewAssignment
from campus.team.models import TeamMembership

from . import selectors
from .erasure_plan import ErasurePlan, for_row, plan_erasure
from .identity import ERASED_DOMAIN
from .models import ErasureRequest
from .scrub import ERASED, anchored, scrub_linked, scrub_other

logger = logging.getLogger(__name__)

# Details of activity-log entries that never hold personal values; everything else is removed from
# the entries about an erased person.
SAFE_ACTIVITY_KEYS = frozenset({
    "step", "kind", "size", "version", "from", "to", "topic", "format", "by", "applications", "documents",
    "files", "contact_messages", "months", "answers", "accounts", "activity", "sessions", "tasks",
    "messages", "outbox_cancelled", "outbox_cleared", "invitations", "bookings", "decisions", "letters",
    "reviews", "conflicts", "participants", "team_roles", "assignments", "panels", "admin_log", "offers_given_up",
    "texts_of_others",
})


def delete_file_on_commit(document) -> None:
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


def _erase_applications(plan: ErasurePlan) -> dict:
    counts = {"applications": 0, "answers": 0, "documents": 0}
    for document in plan.documents:
        delete_file_on_commit(document)
        document.delete()
        counts["documents"] += 1
    for application in Application.objects.select_for_update().filter(pk__in=[a.pk for a in plan.applications]):
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


def _erase_outbox(plan: ErasurePlan) -> dict:
    """Messages to the person: those not sent yet cancelled first (a send task that runs later finds nothing
    to send), then address, subject, text and error cleared. The rows stay: their dedupe keys keep the same
    message from being composed and sent again. Messages to others that name the person: names replaced."""
    counts = {"outbox_cancelled": 0, "outbox_cleared": 0}
    own = {m.pk for m in plan.outbox_own}
    for message in OutboxMessage.objects.select_for_update().filter(
            pk__in=own | {m.pk for m in plan.outbox_others}).order_by("pk"):
        if message.pk in own:
            if message.state != OutboxMessage.State.SENT:
                if message.state != OutboxMessage.State.CANCELLED:
                    counts["outbox_cancelled"] += 1
                message.state = OutboxMessage.State.CANCELLED
            message.to_email = message.subject = message.body = message.error = ""
            counts["outbox_cleared"] += 1
        else:
            identifiers = for_row(message, plan.identifiers)
            for name in ("subject", "body", "error"):
                setattr(message, name, scrub_other(getattr(message, name), identifiers))
        if anchored(message.dedupe_key, plan.identifiers):
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


def _erase_review_and_admission(plan: ErasurePlan, actor) -> dict:
    """What review, interviews, admissions and cohort hold about the person, as applicant and as team member."""
    user, ids = plan.user, [a.pk for a in plan.applications]
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
        delete_file_on_commit(offer.letter)
        offer.letter = ""
        offer.save(update_fields=["letter", "updated_at"])
        counts["letters"] += 1
    counts["reviews"] = Review.objects.filter(application_id__in=ids).update(
        comment_team="", comment_applicant="", updated_at=timezone.now())
    # who was to review the application and who may not (no longer needed), and the person's own as reviewer
    counts["assignments"] = ReviewAssignment.objects.filter(pk__in=[a.pk for a in plan.assignments]).delete()[0]
    counts["conflicts"] = ConflictOfInterest.objects.filter(pk__in=[c.pk for c in plan.conflicts]).delete()[0]
    counts["participants"] = Participant.objects.filter(pk__in=[p.pk for p in plan.participants]).delete()[0]
    # as team member: roles and panels go; the reviews written stay (see HANDLING)
    counts["team_roles"] = TeamMembership.objects.filter(pk__in=[m.pk for m in plan.team_roles]).delete()[0]
    counts["panels"] = InterviewSlot.panel.through.objects.filter(user=user).delete()[0]
    # other people's texts that name the person for certain (a review comparing them, a note)
    counts["texts_of_others"] = 0
    for row, fields in plan.texts_of_others:
        identifiers = for_row(row, plan.identifiers)
        row = type(row).objects.select_for_update().get(pk=row.pk)
        for name in fields:
            setattr(row, name, scrub_other(getattr(row, name), identifiers))
        row.save(update_fields=[*fields, "updated_at"] if hasattr(row, "updated_at") else list(fields))
        counts["texts_of_others"] += 1
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


def _forget_user_references(user) -> None:
    """Every nullable reference to the account (the actor of a log entry, the staff member who decided
    something) is set to nobody, in every installed app, today's and tomorrow's."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (getattr(field, "many_to_one", False) and field.concrete and field.null
                    and field.related_model is not None
                    and field.related_model._meta.label == settings.AUTH_USER_MODEL):
                model._default_manager.filter(**{field.name: user}).update(**{field.name: None})


def _erase_activity(plan: ErasurePlan) -> int:
    """Entries about or by the person: only safe details kept, identifiers replaced, actor nobody. Others'
    entries that name them for certain: those names replaced."""
    linked, about = set(plan.activity_linked), set(plan.activity_about)
    changed = 0
    for entry in ActivityLog.objects.select_for_update().filter(pk__in=linked | set(plan.activity_others)):
        data = entry.data or {}
        if entry.pk in linked:
            if entry.pk in about:
                data = {key: value for key, value in data.items() if key in SAFE_ACTIVITY_KEYS}
            data = scrub_linked(data, plan.identifiers)
            if entry.actor_id == plan.user.pk:
                entry.actor = None
        else:
            data = scrub_other(data, for_row(entry, plan.identifiers))
        entry.data = data
        entry.save(update_fields=["data", "actor"])
        changed += 1
    return changed


def _erase_admin_log(plan: ErasurePlan) -> int:
    owned = set(plan.admin_log_owned)
    changed = 0
    for entry in LogEntry.objects.filter(pk__in=owned | set(plan.admin_log_others)):
        if entry.pk in owned:
            entry.object_repr = ERASED
            entry.change_message = scrub_linked(entry.change_message, plan.identifiers)
        else:
            entry.object_repr = scrub_other(entry.object_repr, plan.identifiers)
            entry.change_message = scrub_other(entry.change_message, plan.identifiers)
        entry.save(update_fields=["object_repr", "change_message"])
        changed += 1
    return changed


def _erase_sessions(plan: ErasurePlan) -> int:
    if not plan.sessions:
        return 0
    from django.contrib.sessions.models import Session

    return Session.objects.filter(pk__in=plan.sessions).delete()[0]


def _erase_tasks(plan: ErasurePlan) -> int:
    if not plan.tasks:
        return 0
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(pk__in=plan.tasks).exclude(status="RUNNING").delete()[0]


def erase_person(*, user, actor, request: ErasureRequest | None = None) -> dict:
    """Remove or anonymise everything held about ``user`` (its plan, read under the account's lock); return
    what was done (counts). Rows that carry statistics stay (an application keeps its call, state and dates;
    a contact message its topic and date); every value that identifies the person goes. Running it again
    changes nothing more. The activity log records the erasure with counts only (the request's number)."""
    with transaction.atomic():
        user = type(user).objects.select_for_update().get(pk=user.pk)
        plan = plan_erasure(user)
        counts = _erase_applications(plan)
        counts["contact_messages"] = ContactMessage.objects.filter(
            pk__in=[c.pk for c in plan.contact_messages]).update(
            name="", email="", organisation="", message="", staff_note="")
        counts.update(_erase_outbox(plan))
        counts.update(_erase_review_and_admission(plan, actor))
        counts["activity"] = _erase_activity(plan)
        counts["admin_log"] = _erase_admin_log(plan)
        counts["sessions"] = _erase_sessions(plan)
        counts["tasks"] = _erase_tasks(plan)
        for erasure_request in ErasureRequest.objects.filter(user=user):
            erasure_request.reason = ""
            erasure_request.note = scrub_linked(erasure_request.note, plan.identifiers)
            erasure_request.save(update_fields=["reason", "note"])
        _erase_account(user)
        _forget_user_references(user)
        log_activity(action="privacy.erased", target=request, actor=actor, **counts)
    return counts
