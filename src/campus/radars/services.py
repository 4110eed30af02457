"""The only place that changes radars: keyword-only arguments, one transaction each, an activity-log entry.

Permissions are the views' job (``permissions.py``); these functions check what the data itself forbids: a
published edition is never changed, a radar has one draft at a time, an item is on an edition once.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from campus.core.activity import log_activity

from . import sharing, states
from .models import (
    DEFAULT_QUADRANTS, DEFAULT_RINGS, Blip, EditionState, Item, Quadrant, Radar, RadarEdition, Ring,
)


class RadarError(Exception):
    """A refusal the person reads (shown on the form)."""


# --- radars ----------------------------------------------------------------------------------------------


def create_radar(*, actor, edition, title: str, description: str = "", owner_kind: str = "participant",
                 group=None, visibility: str = "private", first_edition: str = "") -> Radar:
    """A radar with the default quadrants and rings and a first draft edition (named after this month)."""
    try:
        sharing.check_owner(actor=actor, owner_kind=owner_kind, edition=edition, group=group)
    except sharing.SharingError as error:
        raise RadarError(str(error)) from error
    with transaction.atomic():
        radar = Radar.objects.create(title=title, description=description, owner_kind=owner_kind, owner=actor,
                                     edition=edition, group=group if owner_kind == "group" else None)
        Quadrant.objects.bulk_create(Quadrant(radar=radar, position=i, name=name, description=text)
                                     for i, (name, text) in enumerate(DEFAULT_QUADRANTS))
        Ring.objects.bulk_create(Ring(radar=radar, position=i, name=name, description=text, colour=colour)
                                 for i, (name, text, colour) in enumerate(DEFAULT_RINGS))
        if visibility != "private" or owner_kind == "cohort":
            _share(radar, visibility=visibility, group=group)
        RadarEdition.objects.create(radar=radar, sequence=1, name=first_edition or _month_name())
        log_activity(action="radars.created", target=radar, actor=actor, title=title, owner_kind=owner_kind)
    return radar


def update_radar(*, radar: Radar, actor, title: str, description: str = "") -> Radar:
    with transaction.atomic():
        radar.title, radar.description = title, description
        radar.save(update_fields=["title", "description", "updated_at"])
        log_activity(action="radars.updated", target=radar, actor=actor, title=title)
    return radar


def delete_radar(*, radar: Radar, actor) -> None:
    with transaction.atomic():
        log_activity(action="radars.deleted", target=radar, actor=actor, title=radar.title)
        radar.delete()


def _share(radar, *, visibility, group):
    try:
        sharing.set_visibility(radar, visibility=visibility, group=group)
    except sharing.SharingError as error:
        raise RadarError(str(error)) from error


def share_radar(*, radar: Radar, actor, visibility: str, group=None) -> Radar:
    with transaction.atomic():
        _share(radar, visibility=visibility, group=group)
        log_activity(action="radars.shared", target=radar, actor=actor, visibility=radar.visibility)
    return radar


def open_public_link(*, radar: Radar, actor) -> str:
    with transaction.atomic():
        token = sharing.open_public_link(radar)
        log_activity(action="radars.public_link_opened", target=radar, actor=actor)
    return token


def revoke_public_link(*, radar: Radar, actor) -> None:
    with transaction.atomic():
        sharing.close_public_link(radar)
        log_activity(action="radars.public_link_revoked", target=radar, actor=actor)


def update_quadrant(*, quadrant: Quadrant, actor, name: str, description: str = "") -> Quadrant:
    with transaction.atomic():
        quadrant.name, quadrant.description = name, description
        quadrant.save(update_fields=["name", "description"])
        log_activity(action="radars.quadrant_updated", target=quadrant.radar, actor=actor, name=name)
    return quadrant


def update_ring(*, ring: Ring, actor, name: str, description: str = "", colour: str = "") -> Ring:
    with transaction.atomic():
        ring.name, ring.description = name, description
        if colour:
            ring.colour = colour
        ring.save(update_fields=["name", "description", "colour"])
        log_activity(action="radars.ring_updated", target=ring.radar, actor=actor, name=name)
    return ring


# --- editions --------------------------------------------------------------------------------------------


def _month_name() -> str:
    return timezone.localdate().strftime("%Y-%m")


def _free_name(radar: Radar, wanted: str) -> str:
    taken = {n.casefold() for n in radar.editions.values_list("name", flat=True)}
    name, n = wanted, 2
    while name.casefold() in taken:
        name, n = f"{wanted} ({n})", n + 1
    return name


def new_draft(*, radar: Radar, actor, name: str = "", copy: bool = True) -> RadarEdition:
    """A new draft edition holding a copy of the newest edition's blips (an empty one with ``copy=False``, e.g.
    for an import); a radar has one draft at a time."""
    with transaction.atomic():
        Radar.objects.select_for_update().filter(pk=radar.pk).first()
        if radar.editions.filter(state=EditionState.DRAFT).exists():
            raise RadarError("This radar already has a draft edition: publish it first.")
        newest = radar.editions.order_by("-sequence").first()
        sequence = next_sequence(radar)
        if name and radar.editions.filter(name__iexact=name).exists():
            raise RadarError(f"There is already an edition called “{name}”.")
        edition = RadarEdition.objects.create(radar=radar, sequence=sequence, name=name or _free_name(
            radar, _month_name()))
        if newest is not None and copy:
            Blip.objects.bulk_create(
                Blip(edition=edition, item_id=b.item_id, quadrant_id=b.quadrant_id, ring_id=b.ring_id,
                     rationale=b.rationale, origin_label=b.origin_label, origin_url=b.origin_url)
                for b in newest.blips.all())
        log_activity(action="radars.edition_created", target=radar, actor=actor, edition=edition.name)
    return edition


def publish(*, edition: RadarEdition, actor, published_at=None) -> RadarEdition:
    """Publish a draft edition (``published_at``: an imported edition's own date; now by default)."""
    with transaction.atomic():
        edition = RadarEdition.objects.select_for_update().get(pk=edition.pk)
        try:
            states.transition(edition, states.PUBLISHED)
        except states.TransitionNotAllowed as error:
            raise RadarError(error.message) from error
        if published_at is not None:
            edition.published_at = published_at
            edition.save(update_fields=["published_at"])
        log_activity(action="radars.edition_published", target=edition.radar, actor=actor, edition=edition.name)
    return edition


def rename_edition(*, edition: RadarEdition, actor, name: str) -> RadarEdition:
    with transaction.atomic():
        if edition.radar.editions.filter(name__iexact=name).exclude(pk=edition.pk).exists():
            raise RadarError(f"There is already an edition called “{name}”.")
        edition.name = name
        edition.save(update_fields=["name", "updated_at"])
        log_activity(action="radars.edition_renamed", target=edition.radar, actor=actor, edition=name)
    return edition


# --- items and blips -------------------------------------------------------------------------------------


def _free_slug(radar: Radar, name: str) -> str:
    base = slugify(name)[:150] or "item"
    slug, n = base, 2
    while Item.objects.filter(radar=radar, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def ensure_item(*, radar: Radar, name: str, tags: str = "", link: str = "", description: str = "") -> Item:
    """The radar's item of that name (in any case), made if new; history continues under the same item."""
    name = " ".join(name.split())
    if not name:
        raise RadarError("Give the item a name.")
    item = Item.objects.filter(radar=radar, name__iexact=name).first()
    if item is None:
        item = Item.objects.create(radar=radar, name=name, slug=_free_slug(radar, name), tags=tags, link=link,
                                   description=description)
    return item


def update_item(*, item: Item, actor, name: str, tags: str = "", link: str = "", description: str = "") -> Item:
    name = " ".join(name.split())
    with transaction.atomic():
        if Item.objects.filter(radar_id=item.radar_id, name__iexact=name).exclude(pk=item.pk).exists():
            raise RadarError(f"There is already an item called “{name}” on this radar.")
        item.name, item.tags, item.link, item.description = name, _clean_tags(tags), link, description
        item.save(update_fields=["name", "tags", "link", "description", "updated_at"])
        log_activity(action="radars.item_updated", target=item.radar, actor=actor, item=name)
    return item


def _clean_tags(tags: str) -> str:
    seen: dict[str, str] = {}
    for tag in (t.strip() for t in tags.split(",")):
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return ", ".join(seen.values())[:300]


def _clean_origin(url: str) -> str:
    """A link back to where a blip came from: a path of this site or an http(s) address, else nothing."""
    url = (url or "").strip()[:500]
    return url if url.startswith(("/", "https://", "http://")) and not url.startswith("//") else ""


def _check_draft(edition: RadarEdition) -> None:
    if edition.state != EditionState.DRAFT:
        raise RadarError("This edition is published and cannot change: make a new draft edition.")


def _place(radar: Radar, quadrant, ring) -> tuple[Quadrant, Ring]:
    """A quadrant and ring of ``radar`` from an instance, a position or a name (any case)."""
    def find(model, value, label):
        qs = model.objects.filter(radar=radar)
        if isinstance(value, model):
            found = value if value.radar_id == radar.pk else None
        elif isinstance(value, int):
            found = qs.filter(position=value).first()
        else:
            found = qs.filter(name__iexact=str(value).strip()).first()
        if found is None:
            raise RadarError(f"This radar has no {label} “{value}”.")
        return found
    return find(Quadrant, quadrant, "quadrant"), find(Ring, ring, "ring")


def add_blip(*, edition: RadarEdition, actor, name: str, quadrant, ring, rationale: str = "", tags: str = "",
             link: str = "", origin_label: str = "", origin_url: str = "") -> Blip:
    """Place an item (made if new, matched by name) on a draft edition."""
    radar = edition.radar
    with transaction.atomic():
        _check_draft(edition)
        quadrant, ring = _place(radar, quadrant, ring)
        item = ensure_item(radar=radar, name=name, tags=_clean_tags(tags), link=link)
        if edition.blips.filter(item=item).exists():
            raise RadarError(f"“{item.name}” is already on this edition: move it instead.")
        try:
            with transaction.atomic():
                blip = Blip.objects.create(edition=edition, item=item, quadrant=quadrant, ring=ring,
                                           rationale=rationale, origin_label=origin_label[:200],
                                           origin_url=_clean_origin(origin_url))
        except IntegrityError as error:  # a double-clicked submit
            raise RadarError(f"“{item.name}” is already on this edition.") from error
        log_activity(action="radars.blip_added", target=radar, actor=actor, edition=edition.name, item=item.name)
    return blip


def update_blip(*, blip: Blip, actor, quadrant, ring, rationale: str = "", origin_label: str | None = None,
                origin_url: str | None = None) -> Blip:
    """Move a blip to another quadrant or ring of its draft edition, or change its rationale."""
    with transaction.atomic():
        _check_draft(blip.edition)
        blip.quadrant, blip.ring = _place(blip.edition.radar, quadrant, ring)
        blip.rationale = rationale
        if origin_label is not None:
            blip.origin_label = origin_label
        if origin_url is not None:
            blip.origin_url = _clean_origin(origin_url)
        blip.save()
        log_activity(action="radars.blip_updated", target=blip.edition.radar, actor=actor,
                     edition=blip.edition.name, item=blip.item.name, ring=blip.ring.name)
    return blip


def remove_blip(*, blip: Blip, actor) -> None:
    with transaction.atomic():
        _check_draft(blip.edition)
        log_activity(action="radars.blip_removed", target=blip.edition.radar, actor=actor,
                     edition=blip.edition.name, item=blip.item.name)
        blip.delete()


def next_draft(*, radar: Radar, actor) -> RadarEdition:
    """The radar's draft edition, made (a copy of the newest) when there is none."""
    draft = radar.editions.filter(state=EditionState.DRAFT).order_by("-sequence").first()
    return draft or new_draft(radar=radar, actor=actor)


def add_blip_to_next_draft(*, radar: Radar, actor, name: str, quadrant, ring, rationale: str = "",
                           origin_label: str = "", origin_url: str = "", tags: str = "", link: str = "") -> Blip:
    """For the apps above (a board's decision): put ``name`` in ``quadrant`` and ``ring`` of the radar's next
    draft edition (made if needed), or move it there if it already is on that draft. ``quadrant`` and ``ring`` are
    instances, positions (0–3) or names."""
    with transaction.atomic():
        draft = next_draft(radar=radar, actor=actor)
        item = Item.objects.filter(radar=radar, name__iexact=" ".join(name.split())).first()
        blip = draft.blips.filter(item=item).first() if item else None
        if blip is None:
            return add_blip(edition=draft, actor=actor, name=name, quadrant=quadrant, ring=ring, rationale=rationale,
                            tags=tags, link=link, origin_label=origin_label, origin_url=origin_url)
        return update_blip(blip=blip, actor=actor, quadrant=quadrant, ring=ring, rationale=rationale or blip.rationale,
                           origin_label=origin_label or blip.origin_label, origin_url=origin_url or blip.origin_url)


def next_sequence(radar: Radar) -> int:
    return (radar.editions.aggregate(m=Max("sequence"))["m"] or 0) + 1


def erase_owner(*, user, delete: list[int], keep: list[int]) -> dict:
    """Erasure of a person (privacy handler): delete their own radars, keep group and cohort radars without
    them."""
    with transaction.atomic():
        deleted = Radar.objects.filter(pk__in=delete, owner=user).count()
        Radar.objects.filter(pk__in=delete, owner=user).delete()
        kept = Radar.objects.filter(pk__in=keep, owner=user).update(owner=None)
    return {"radars_deleted": deleted, "radars_kept_without_owner": kept} if deleted or kept else {}
