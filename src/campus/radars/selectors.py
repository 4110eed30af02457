"""Reads of radars, in a fixed number of queries.

Movement is computed, never typed: a blip of an edition is compared with the same item's blip on the previous
*published* edition (the newest published one before it): not there → new; a ring nearer the centre → moved in;
further out → moved out; the same ring → no change (a change of quadrant alone is no movement).
Blips are numbered 1… in the order of the list: quadrant, ring, then name.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from campus.coaching.models import CoachingGroup

from . import sharing
from .models import Blip, EditionState, Item, Radar, RadarEdition


class Movement:
    NEW = "new"
    IN = "in"
    OUT = "out"
    SAME = "same"
    LABELS = {NEW: "New", IN: "Moved in", OUT: "Moved out", SAME: "No change"}
    ALL = (NEW, IN, OUT, SAME)


@dataclass
class BlipRow:
    blip: Blip
    number: int
    movement: str
    previous_ring: str = ""

    @property
    def movement_label(self) -> str:
        return Movement.LABELS[self.movement]

    @property
    def item(self):
        return self.blip.item


@dataclass
class RingGroup:
    ring: object
    rows: list = field(default_factory=list)


@dataclass
class QuadrantGroup:
    quadrant: object
    rings: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(g.rows) for g in self.rings)


def radars_for(user):
    """The radars ``user`` may see, with their number of editions (one query)."""
    qs = sharing.visible_to(user, Radar.objects.all())
    return (qs.select_related("owner", "group", "edition")
            .annotate(edition_count=Count("editions", distinct=True),
                      published_count=Count("editions", filter=Q(editions__state=EditionState.PUBLISHED),
                                            distinct=True))
            .order_by("title", "id"))


def editions_of(radar: Radar) -> list[RadarEdition]:
    return list(radar.editions.order_by("sequence"))


def default_edition(editions: list[RadarEdition]) -> RadarEdition | None:
    """The edition a radar page opens on: the newest published one, else the newest (a draft)."""
    published = [e for e in editions if e.state == EditionState.PUBLISHED]
    return (published or editions or [None])[-1]


def previous_published(edition: RadarEdition, editions: list[RadarEdition] | None = None) -> RadarEdition | None:
    if editions is not None:
        before = [e for e in editions if e.sequence < edition.sequence and e.state == EditionState.PUBLISHED]
        return before[-1] if before else None
    return (RadarEdition.objects.filter(radar_id=edition.radar_id, sequence__lt=edition.sequence,
                                        state=EditionState.PUBLISHED).order_by("-sequence").first())


def _movement(ring_position: int, before: int | None) -> str:
    if before is None:
        return Movement.NEW
    if ring_position < before:
        return Movement.IN
    if ring_position > before:
        return Movement.OUT
    return Movement.SAME


def blip_rows(edition: RadarEdition, editions: list[RadarEdition] | None = None) -> list[BlipRow]:
    """The edition's blips, numbered, each with its movement (two queries, three without ``editions``)."""
    previous = previous_published(edition, editions)
    before: dict[int, tuple[int, str]] = {}
    if previous is not None:
        before = {item_id: (pos, name) for item_id, pos, name in
                  Blip.objects.filter(edition=previous).values_list("item_id", "ring__position", "ring__name")}
    blips = sorted(Blip.objects.filter(edition=edition).select_related("item", "quadrant", "ring"),
                   key=lambda b: (b.quadrant.position, b.ring.position, b.item.name.casefold(), b.item_id))
    rows = []
    for number, blip in enumerate(blips, start=1):
        pos, name = before.get(blip.item_id, (None, ""))
        rows.append(BlipRow(blip=blip, number=number, movement=_movement(blip.ring.position, pos),
                            previous_ring=name))
    return rows


def filter_rows(rows: list[BlipRow], *, quadrant: int | None = None, ring: int | None = None,
                movement: str = "", tag: str = "", q: str = "") -> list[BlipRow]:
    """The rows matching the list's filters (numbers stay those of the whole edition)."""
    tag, q = tag.strip().casefold(), q.strip().casefold()
    out = []
    for row in rows:
        blip = row.blip
        if quadrant is not None and blip.quadrant.position != quadrant:
            continue
        if ring is not None and blip.ring.position != ring:
            continue
        if movement and row.movement != movement:
            continue
        if tag and tag not in (t.casefold() for t in blip.item.tag_list):
            continue
        if q and q not in " ".join((blip.item.name, blip.rationale, blip.item.tags)).casefold():
            continue
        out.append(row)
    return out


def grouped(rows: list[BlipRow], quadrants, rings) -> list[QuadrantGroup]:
    """Rows grouped by quadrant, then ring (every quadrant and ring, empty ones too)."""
    groups = []
    for quadrant in quadrants:
        qg = QuadrantGroup(quadrant=quadrant)
        for ring in rings:
            qg.rings.append(RingGroup(ring=ring, rows=[
                r for r in rows if r.blip.quadrant_id == quadrant.pk and r.blip.ring_id == ring.pk]))
        groups.append(qg)
    return groups


def all_tags(rows: list[BlipRow]) -> list[str]:
    tags: dict[str, str] = {}
    for row in rows:
        for tag in row.blip.item.tag_list:
            tags.setdefault(tag.casefold(), tag)
    return sorted(tags.values(), key=str.casefold)


@dataclass
class TimelineEntry:
    edition: RadarEdition
    blip: Blip | None
    movement: str = ""

    @property
    def movement_label(self) -> str:
        return Movement.LABELS.get(self.movement, "")


def item_timeline(item: Item) -> list[TimelineEntry]:
    """The item across every edition of its radar, oldest first: where it stood and how it moved (two queries).
    Movement is computed against the previous published edition, as on the radar."""
    editions = list(RadarEdition.objects.filter(radar_id=item.radar_id).order_by("sequence"))
    blips = {b.edition_id: b for b in Blip.objects.filter(item=item).select_related("quadrant", "ring")}
    entries, last_published_pos = [], None
    for edition in editions:
        blip = blips.get(edition.pk)
        movement = _movement(blip.ring.position, last_published_pos) if blip else ""
        entries.append(TimelineEntry(edition=edition, blip=blip, movement=movement))
        if edition.state == EditionState.PUBLISHED:
            last_published_pos = blip.ring.position if blip else None
    return entries


def cohort_radars(edition_ids):
    """The radars the module leads' overview lists: the cohort's work of those editions (group- or
    cohort-visible, owned by a group or the cohort), with their counts (one query)."""
    return (Radar.objects.filter(edition_id__in=edition_ids)
            .filter(Q(visibility__in=["group", "cohort"]) | Q(owner_kind__in=["group", "cohort"]))
            .select_related("owner", "group", "edition__programme")
            .annotate(edition_count=Count("editions", distinct=True),
                      published_count=Count("editions", filter=Q(editions__state=EditionState.PUBLISHED),
                                            distinct=True))
            .order_by("edition", "title", "id"))


def radar_for(user, pk: int, *, edit: bool = False) -> Radar | None:
    """The radar ``pk`` if ``user`` may see it (or edit it, with ``edit``), else None (one query)."""
    qs = Radar.objects.select_related("owner", "group", "edition")
    qs = sharing.edited_by(user, qs) if edit else sharing.visible_to(user, qs)
    return qs.filter(pk=pk).first() if 0 < pk < 2**63 else None


def has_draft(radar: Radar) -> bool:
    return radar.editions.filter(state="draft").exists()


def public_radar(token: str) -> Radar | None:
    return sharing.by_public_token(Radar.objects.select_related("owner", "group"), token)


def groups_of(user) -> list:
    return list(CoachingGroup.objects.filter(pk__in=sharing.group_ids(user)).select_related("round")
                .order_by("round__created_at", "number"))


def edition_of(radar: Radar, edition_id: int) -> RadarEdition | None:
    return radar.editions.filter(pk=edition_id).first() if 0 < edition_id < 2**63 else None


def blip_of(radar: Radar, blip_id: int) -> Blip | None:
    return (Blip.objects.filter(pk=blip_id, edition__radar=radar).select_related("edition", "item", "quadrant", "ring")
            .first() if 0 < blip_id < 2**63 else None)


def item_of(radar: Radar, item_id: int) -> Item | None:
    return Item.objects.filter(radar=radar, pk=item_id).first() if 0 < item_id < 2**63 else None


def cohort_radar(edition_ids, pk: int) -> Radar | None:
    return cohort_radars(edition_ids).filter(pk=pk).first() if 0 < pk < 2**63 else None


def radar_by_pk(pk: int) -> Radar:
    return Radar.objects.select_related("owner", "group", "edition").get(pk=pk)
