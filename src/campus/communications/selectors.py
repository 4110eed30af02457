"""Reads of the outbox pages (no N+1: every list is a fixed number of queries)."""

from django.db.models import Count, OuterRef, Subquery

from campus.core.models import ActivityLog
from campus.programme.models import Edition

from .models import MailTemplate, OutboxMessage


def messages_for_list(queryset):
    """The list's rows, each with ``call_zone``: the time zone of its edition's newest call, in which staff read
    its times (None without an edition or a call: UTC). Communications names no app above it: the edition's calls
    are read through the edition's relation, in the same query."""
    newest_call_zone = (Edition.objects.filter(pk=OuterRef("edition_id")).exclude(calls__isnull=True)
                        .order_by("-calls__opens_at").values("calls__timezone")[:1])
    return (queryset.select_related("edition__programme", "recipient").annotate(call_zone=Subquery(newest_call_zone))
            .order_by("-created_at", "-id"))


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
