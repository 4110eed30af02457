"""Reads of the privacy app: erasure requests, what has expired; everything held about one person comes from
the apps' privacy handlers (access.py)."""

from django.db.models import QuerySet

from campus.core.plugins import privacy as plugins
from campus.core.plugins.privacy import add_months  # noqa: F401 (retention periods)

# what we hold: every app's privacy handler (access.py); who a person is (only confirmed addresses count)
from .access import activity_by, erasure_requests_of, personal_data, summary  # noqa: F401
# who a person is (only confirmed addresses count): see identity.py
from .identity import ERASED_DOMAIN, Subject, is_erased, pseudonym, subject_for_email, subject_for_user  # noqa: F401
from .models import ErasureRequest, RetentionPolicy

DEFAULT_DOCUMENTS_MONTHS = RetentionPolicy._meta.get_field("documents_months").default


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


# --- retention: the apps' handlers purge (``PrivacyHandler.purge``), with the periods of these policies --------


def documents_months(edition) -> int:
    policy = RetentionPolicy.objects.filter(edition=edition).first()
    return policy.documents_months if policy is not None else DEFAULT_DOCUMENTS_MONTHS


def retained() -> dict[str, list]:
    """What every handler keeps beyond its retention period: {kind: [querysets of ids]}."""
    result: dict[str, list] = {}
    for handler in plugins.handlers():
        for kind, ids in handler.retained().items():
            result.setdefault(kind, []).append(ids)
    return result
