"""Limit/offset pagination with bounds: ``limit`` 1–100 (default 50), ``offset`` 0–10,000.

Out-of-range values are rejected with 422 rather than quietly clamped, so a client learns the rule.
Every page says how many items there are in all (``count``) and which slice it holds.
"""

from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
MAX_OFFSET = 10_000


class LimitOffset(PaginationBase):
    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page, at most {MAX_LIMIT}.")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")

    class Output(Schema):
        count: int = Field(description="Items in all.")
        limit: int
        offset: int
        items: list[Any]

    def paginate_queryset(self, queryset: QuerySet, pagination: Input, request, **params: Any) -> dict:
        offset, limit = pagination.offset, pagination.limit
        return {
            "count": queryset.count(),
            "limit": limit,
            "offset": offset,
            "items": queryset[offset : offset + limit],
        }
