"""Erasure executes its plan (``erasure_plan.plan_erasure``): the rows of the person, found by key and by their
confirmed addresses, are removed or anonymised; other people's rows change only where the person's identifiers
occur with certainty, by whole words (``scrub``). One transaction; files leave the disk after the commit.
Each app's rows change through its privacy handler (``campus.core.plugins.privacy``), that is through the app's
own services; this module changes what the privacy app handles itself (account, logs, sessions, tasks)."""

import logging
import uuid

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db import transaction

from campus.core.activity import log_activity
from campus.core.models import ActivityLog
from campus.core.plugins import privacy as plugins
from campus.core.plugins.privacy import delete_file_on_commit  # noqa: F401 (the services' API)

from .erasure_plan import ErasurePlan, for_row, plan_erasure
from .identity import ERASED_DOMAIN, is_erased
from .models import ErasureRequest
from .scrub import ERASED, scrub_linked, scrub_other

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


def _erase_parts(plan: ErasurePlan) -> dict:
    """Every app's part, through its handler (and so through that app's services), in the handlers' order;
    counts of the same name are added up."""
    counts: dict = {}
    for handler in plugins.handlers():
        for key, number in (handler.erase(plan.parts.get(handler.key), plan.person) or {}).items():
            counts[key] = counts.get(key, 0) + number
    return counts


def _erase_account(user) -> None:
    if not is_erased(user):
        user.email = f"erased-{uuid.uuid4().hex}@{ERASED_DOMAIN}"
    user.given_name = user.family_name = user.full_name = ""
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


def _erase_activity(plan: ErasurePlan, safe=SAFE_ACTIVITY_KEYS) -> int:
    """Entries about or by the person: only safe details kept, identifiers replaced, actor nobody. Others'
    entries that name them for certain: those names replaced."""
    linked, about = set(plan.activity_linked), set(plan.activity_about)
    changed = 0
    for entry in ActivityLog.objects.select_for_update().filter(pk__in=linked | set(plan.activity_others)):
        data = entry.data or {}
        if entry.pk in linked:
            if entry.pk in about:
                data = {key: value for key, value in data.items() if key in safe}
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
        plan = plan_erasure(user, actor=actor)
        counts = _erase_parts(plan)
        # the names of every handler's counts are safe too (a registered app's, e.g. the test's "field_notes")
        counts["activity"] = _erase_activity(plan, SAFE_ACTIVITY_KEYS | set(counts))
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
