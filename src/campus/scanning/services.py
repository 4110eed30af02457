"""The only place that changes signals: keyword-only arguments, one transaction each, an activity-log entry.
Who may call them is the views' job (``permissions.py``, through ``campus.radars.sharing``)."""

from django.db import IntegrityError, transaction

from campus.core.activity import log_activity
from campus.radars import services as radar_services
from campus.radars import sharing

from . import states
from .models import Comment, Signal, SignalLink, Vote

FIELDS = ("title", "seen", "why", "source_url", "source_kind", "seen_on", "steep", "kind", "strength", "horizon",
          "tags", "impact", "uncertainty")


class ScanningError(Exception):
    """A refusal the person reads (shown on the form)."""


def _clean_tags(tags: str) -> str:
    seen: dict[str, str] = {}
    for tag in (t.strip() for t in (tags or "").split(",")):
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return ", ".join(seen.values())[:300]


def create_signal(*, actor, edition, owner_kind: str = "participant", group=None, visibility: str = "private",
                  **data) -> Signal:
    try:
        sharing.check_owner(actor=actor, owner_kind=owner_kind, edition=edition, group=group)
    except sharing.SharingError as error:
        raise ScanningError(str(error)) from error
    values = {k: v for k, v in data.items() if k in FIELDS}
    values["tags"] = _clean_tags(values.get("tags", ""))
    with transaction.atomic():
        signal = Signal.objects.create(owner_kind=owner_kind, owner=actor, edition=edition,
                                       group=group if owner_kind == "group" else None, **values)
        if visibility != "private" or owner_kind == "cohort":
            _share(signal, visibility=visibility, group=group)
        log_activity(action="scanning.created", target=signal, actor=actor, title=signal.title)
    return signal


def _share(signal, *, visibility, group):
    try:
        sharing.set_visibility(signal, visibility=visibility, group=group)
    except sharing.SharingError as error:
        raise ScanningError(str(error)) from error


def update_signal(*, signal: Signal, actor, **data) -> Signal:
    with transaction.atomic():
        for key, value in data.items():
            if key in FIELDS:
                setattr(signal, key, _clean_tags(value) if key == "tags" else value)
        signal.save()
        log_activity(action="scanning.updated", target=signal, actor=actor, title=signal.title)
    return signal


def share_signal(*, signal: Signal, actor, visibility: str, group=None) -> Signal:
    with transaction.atomic():
        _share(signal, visibility=visibility, group=group)
        log_activity(action="scanning.shared", target=signal, actor=actor, visibility=signal.visibility)
    return signal


def open_public_link(*, signal: Signal, actor) -> str:
    """Give the signal a public read-only link (a new secret each time); returns the token."""
    with transaction.atomic():
        token = sharing.open_public_link(signal)
        log_activity(action="scanning.public_link_opened", target=signal, actor=actor)
    return token


def revoke_public_link(*, signal: Signal, actor) -> None:
    """Empty the token: the old link answers 404 from now on."""
    with transaction.atomic():
        sharing.close_public_link(signal)
        log_activity(action="scanning.public_link_revoked", target=signal, actor=actor)


def delete_signal(*, signal: Signal, actor) -> None:
    with transaction.atomic():
        log_activity(action="scanning.deleted", target=signal, actor=actor, title=signal.title)
        signal.delete()


def triage(*, signal: Signal, actor, to: str) -> Signal:
    with transaction.atomic():
        signal = Signal.objects.select_for_update().get(pk=signal.pk)
        try:
            old = states.transition(signal, to)
        except states.TransitionError as error:
            raise ScanningError(str(error)) from error
        signal.save(update_fields=["state", "updated_at"])
        log_activity(action="scanning.triaged", target=signal, actor=actor, old=old, new=to)
    return signal


def comment(*, signal: Signal, actor, text: str) -> Comment:
    text = (text or "").strip()
    if not text:
        raise ScanningError("Write a comment first.")
    with transaction.atomic():
        made = Comment.objects.create(signal=signal, author=actor, text=text[:4000])
        log_activity(action="scanning.commented", target=signal, actor=actor)
    return made


def toggle_vote(*, signal: Signal, actor) -> bool:
    """Vote for the signal, or take the vote back; returns True when the person now votes for it."""
    with transaction.atomic():
        deleted, _ = Vote.objects.filter(signal=signal, voter=actor).delete()
        if not deleted:
            try:
                with transaction.atomic():
                    Vote.objects.create(signal=signal, voter=actor)
            except IntegrityError:
                pass
        log_activity(action="scanning.voted", target=signal, actor=actor, vote=not deleted)
    return not deleted


def link(*, source: Signal, target: Signal, actor, kind: str) -> SignalLink:
    if source.pk == target.pk:
        raise ScanningError("A signal cannot be linked to itself.")
    with transaction.atomic():
        made, _ = SignalLink.objects.update_or_create(source=source, target=target, defaults={"kind": kind})
        log_activity(action="scanning.linked", target=source, actor=actor, other=target.pk, kind=kind)
    return made


def unlink(*, link: SignalLink, actor) -> None:
    with transaction.atomic():
        log_activity(action="scanning.unlinked", target=link.source, actor=actor, other=link.target_id)
        link.delete()


def promote_to_radar(*, signal: Signal, actor, radar, quadrant, ring, origin_url: str, name: str = ""):
    """Put the signal on ``radar``'s next draft edition (a blip linking back to the signal); the signal becomes
    promoted. Returns the blip."""
    with transaction.atomic():
        try:
            blip = radar_services.add_blip_to_next_draft(
                radar=radar, actor=actor, name=name or signal.title, quadrant=quadrant, ring=ring,
                rationale=signal.why, origin_label=f"Signal: {signal.title}"[:200], origin_url=origin_url,
                tags=signal.tags, link=signal.source_url)
        except radar_services.RadarError as error:
            raise ScanningError(str(error)) from error
        if signal.state != states.PROMOTED:
            states.transition(signal, states.PROMOTED)
            signal.save(update_fields=["state", "updated_at"])
        log_activity(action="scanning.promoted", target=signal, actor=actor, radar=radar.pk, item=blip.item.name)
    return blip


def forget_person(*, user) -> dict:
    """Erasure: a person's own signals are deleted; their comments and votes on others' signals go too."""
    with transaction.atomic():
        own = Signal.objects.filter(owner=user, owner_kind="participant")
        signals = own.count()
        own.delete()
        Signal.objects.filter(owner=user).update(owner=None)
        comments, _ = Comment.objects.filter(author=user).delete()
        votes, _ = Vote.objects.filter(voter=user).delete()
    return {"signals": signals, "comments": comments, "votes": votes}


def import_signals(*, actor, edition, rows) -> int:
    """Rows already checked (``transfer.read``): each becomes a private signal of ``actor``."""
    with transaction.atomic():
        made = Signal.objects.bulk_create(
            Signal(owner_kind="participant", owner=actor, edition=edition,
                   **{**{k: v for k, v in data.items() if k in FIELDS}, "tags": _clean_tags(data.get("tags", ""))})
            for _, data in rows)
        log_activity(action="scanning.imported", target=None, actor=actor, count=len(made))
    return len(made)
