"""Reads for the scanning pages (fixed query counts)."""

from django.db.models import Count, Q

from campus.radars import selectors as radar_selectors
from campus.radars import sharing
from campus.radars.models import Radar
from campus.radars.sharing import OwnerKind, Visibility

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


def groups_of(user) -> list:
    """The coaching groups ``user`` is a member of (for the log and sharing choices)."""
    return radar_selectors.groups_of(user)


def public_signal(token: str):
    """The signal whose public link is ``token`` (None: revoked or unknown), with its owner and group."""
    return sharing.by_public_token(Signal.objects.select_related("owner", "group"), token)


# --- the staff overview (module leads and managers of the edition) -----------------------------------------


def _cohort_work(edition_ids):
    """The cohort's signals of ``edition_ids``: group- or cohort-visible, or owned by a group or the cohort; never
    a participant's private one (the same rule as ``sharing.can_view`` for leads)."""
    return (Signal.objects.filter(edition_id__in=edition_ids)
            .filter(Q(visibility__in=[Visibility.GROUP, Visibility.COHORT])
                    | Q(owner_kind__in=[OwnerKind.GROUP, OwnerKind.COHORT])))


def cohort_signals(edition_ids, *, steep: str = "", kind: str = "", state: str = ""):
    """The staff overview's rows, filtered, with their votes and comments counted and the owner, group (and its
    round) and edition (and its programme) joined: one query whatever the number of rows."""
    qs = _cohort_work(edition_ids)
    for name, value in (("steep", steep), ("kind", kind), ("state", state)):
        if value:
            qs = qs.filter(**{name: value})
    return (qs.select_related("owner", "group", "edition__programme")
            .annotate(vote_count=Count("votes", distinct=True), comment_count=Count("comments", distinct=True))
            .order_by("edition", "-created_at", "-id"))


def cohort_signal(edition_ids, pk: int):
    """One signal of the cohort's work for the staff page, or None (a private signal, another edition's)."""
    if not 0 < pk < 2**63:
        return None
    return _cohort_work(edition_ids).select_related("owner", "group", "edition").filter(pk=pk).first()
