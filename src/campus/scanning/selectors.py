"""Reads for the scanning pages (fixed query counts)."""

from django.db.models import Count

from campus.radars import sharing
from campus.radars.models import Radar

from . import states
from .models import Comment, Signal, SignalLink


def signals_for(user, *, state: str = "", steep: str = ""):
    qs = sharing.visible_to(user, Signal.objects.all()).annotate(vote_count=Count("votes", distinct=True))
    if state:
        qs = qs.filter(state=state)
    if steep:
        qs = qs.filter(steep=steep)
    return qs.select_related("owner", "group").order_by("-created_at", "-id")


def signal_detail(user, signal: Signal) -> dict:
    comments = list(Comment.objects.filter(signal=signal).select_related("author"))
    links = list(SignalLink.objects.filter(source=signal).select_related("target"))
    back = list(SignalLink.objects.filter(target=signal).select_related("source"))
    visible = set(sharing.visible_to(user, Signal.objects.filter(
        pk__in=[ln.target_id for ln in links] + [ln.source_id for ln in back])).values_list("pk", flat=True))
    return {
        "comments": comments,
        "links": [ln for ln in links if ln.target_id in visible],
        "backlinks": [ln for ln in back if ln.source_id in visible],
        "votes": signal.votes.count(),
        "voted": signal.votes.filter(voter=user).exists(),
    }


def radars_to_promote_to(user):
    return sharing.edited_by(user, Radar.objects.all()).prefetch_related("quadrants", "rings").order_by("title")


def signal_by_pk(pk):
    """The signal ``pk`` with its owner and group, or None (one query; access is checked by the caller)."""
    return Signal.objects.filter(pk=pk).select_related("owner", "group").first()


def editable_others(user, signal: Signal):
    """The other signals ``user`` may edit (link targets), only pk and title; a lazy queryset to slice."""
    return sharing.edited_by(user, Signal.objects.exclude(pk=signal.pk)).only("pk", "title")


def unarchived_signals_for(user) -> list:
    """The signals ``user`` sees, without the archived ones (one query)."""
    return list(signals_for(user).exclude(state=states.ARCHIVED))
