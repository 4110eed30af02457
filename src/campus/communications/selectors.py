"""Reads of the outbox pages (no N+1: every list is a fixed number of queries)."""

from django.db.models import Count

from campus.core.models import ActivityLog
from campus.programme.models import Edition

from .models import MailTemplate, OutboxMessage


def messages_for_list(queryset):
    return queryset.select_related("edition__programme", "recipient").order_by("-created_at", "-id")


def with_call_zones(messages) -> list:
    """``messages`` with ``call_zone``: the time zone of their edition's call (the newest), in which staff read
    their times (one query); "" for a message without an edition or an edition without a call (shown in UTC).
    Communications names no app above it: the edition's calls are read through the edition's relation."""
    messages = list(messages)
    editions = {m.edition_id for m in messages if m.edition_id}
    zones: dict[int, str] = {}
    rows = (Edition.objects.filter(pk__in=editions, calls__isnull=False)
            .values_list("pk", "calls__timezone").order_by("pk", "calls__opens_at"))
    for edition_id, zone in rows:
        zones[edition_id] = zone  # the last (newest) call wins
    for message in messages:
        message.call_zone = zones.get(message.edition_id, "")
    return messages


def counts_by_state(queryset) -> dict[str, int]:
    rows = queryset.order_by().values("state").annotate(n=Count("id"))
    return {row["state"]: row["n"] for row in rows}


def activity_of(message: OutboxMessage):
    return (
        ActivityLog.objects.filter(target_type=message._meta.label_lower, target_id=str(message.pk))
        .select_related("actor").order_by("created_at", "id")
    )


def templates_by_key(edition_ids) -> dict[tuple[str, int | None], MailTemplate]:
    rows = MailTemplate.objects.filter(edition_id__in=list(edition_ids)) | MailTemplate.objects.filter(
        edition__isnull=True
    )
    return {(t.event, t.edition_id): t for t in rows}


def message_exists(*, dedupe_key: str) -> bool:
    """Whether a message with ``dedupe_key`` was ever composed (for apps that mail at most once per key)."""
    return OutboxMessage.objects.filter(dedupe_key=dedupe_key).exists()


def attention_counts(queryset, edition_ids) -> dict[int, dict[str, int]]:
    """{edition id: {state: n}} of the drafts and failures among ``queryset`` in ``edition_ids`` (one query)."""
    rows = (
        queryset.filter(edition_id__in=list(edition_ids), state__in=[OutboxMessage.State.DRAFT,
                                                                     OutboxMessage.State.FAILED])
        .values("edition_id", "state").annotate(n=Count("id")).order_by()
    )
    result: dict[int, dict[str, int]] = {}
    for row in rows:
        result.setdefault(row["edition_id"], {})[row["state"]] = row["n"]
    return result
