"""What every importer shares: decoding, cleaning, the row report, and writing the result.

A parser never raises on a bad row: the row goes into the report with its line and reason. ``commit`` creates
the editions (the newest a draft, older ones, from a file with a timeline, published with their own date) and
matches items by name in any case, so an item's history continues.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import nh3
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from campus.core.activity import log_activity

from .. import services
from ..models import Blip, EditionState, Item, Quadrant, Radar, RadarEdition, Ring

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
DESCRIPTION_TAGS = {"b", "i", "em", "strong", "a", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "br", "p", "u"}
DESCRIPTION_ATTRIBUTES = {"a": {"href", "target", "rel"}}


class ImportRefused(Exception):
    """The whole file cannot be taken (too big, not the format, a radar with a draft already)."""


@dataclass
class Row:
    line: int
    name: str
    quadrant: int
    ring: int
    description: str = ""
    tags: str = ""
    link: str = ""
    status: str = ""


@dataclass
class Problem:
    line: int
    reason: str
    name: str = ""


@dataclass
class ParsedEdition:
    name: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Parsed:
    editions: list[ParsedEdition] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return sum(len(e.rows) for e in self.editions)

    def problem(self, line: int, reason: str, name: str = "") -> None:
        self.problems.append(Problem(line=line, reason=reason, name=name))


# --- cleaning ------------------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Text from UTF-8 (with or without a byte-order mark), UTF-16 (with a mark, or plainly so) or Latin-1."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if len(data) >= 4 and data[1:4:2] == b"\0\0" and data[0:1] != b"\0":
        return data.decode("utf-16-le", errors="replace")
    if len(data) >= 4 and data[0:3:2] == b"\0\0":
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace") if not _has_c1(data) else data.decode("latin-1")


def _has_c1(data: bytes) -> bool:
    return any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


_MARKUP = re.compile(r"[<>&]")


def clean_description(text) -> str:
    """Only BYOR's subset of HTML: b, i, em, strong, a (href, target, rel), h1–h6, li, ul, br, p, u."""
    text = str(text or "")
    if not _MARKUP.search(text):
        return text.strip()
    return nh3.clean(str(text or ""), tags=DESCRIPTION_TAGS, attributes=DESCRIPTION_ATTRIBUTES, link_rel=None,
                     url_schemes={"http", "https", "mailto"}).strip()


def plain(text, limit: int = 0) -> str:
    """A field with no markup at all (scripts and styles dropped with their content), on one line."""
    value = str(text or "")
    if _MARKUP.search(value):
        value = html.unescape(nh3.clean(value, tags=set()))
    value = " ".join(value.split())
    return value[:limit] if limit else value


_AND = re.compile(r"\s*(?:&|-and-|\band\b)\s*")


def key(name) -> str:
    """Names of quadrants and rings compared in any case, "-and-", " and " and "&" alike."""
    return " ".join(_AND.sub(" and ", str(name or "").casefold().replace("&amp;", "&")).replace("-", " ").split())


class Places:
    """A radar's quadrants and rings by position and by ``key(name)``."""

    def __init__(self, radar: Radar):
        self.quadrants = list(Quadrant.objects.filter(radar=radar).order_by("position"))
        self.rings = list(Ring.objects.filter(radar=radar).order_by("position"))
        self.quadrant_by_key = {key(q.name): q.position for q in self.quadrants}
        self.ring_by_key = {key(r.name): r.position for r in self.rings}

    def quadrant(self, name) -> int | None:
        return self.quadrant_by_key.get(key(name))

    def ring(self, name) -> int | None:
        return self.ring_by_key.get(key(name))

    def has_quadrant(self, position) -> bool:
        return isinstance(position, int) and 0 <= position < len(self.quadrants)

    def has_ring(self, position) -> bool:
        return isinstance(position, int) and 0 <= position < len(self.rings)


class Seen:
    """Names already taken in one edition of the file: a second row of the same name is reported."""

    def __init__(self):
        self.lines: dict[str, int] = {}

    def duplicate(self, parsed: Parsed, line: int, name: str) -> bool:
        folded = name.casefold()
        if folded in self.lines:
            parsed.problem(line, f"Duplicate name: already on line {self.lines[folded]}.", name)
            return True
        self.lines[folded] = line
        return False


def add_row(parsed: Parsed, edition: ParsedEdition, seen: Seen, row: Row) -> None:
    """Take a row (its name already ``plain``) unless the name is empty or repeats one."""
    if not row.name:
        parsed.problem(row.line, "The name is empty.")
    elif not seen.duplicate(parsed, row.line, row.name):
        edition.rows.append(row)


# --- writing -------------------------------------------------------------------------------------------


def commit(*, radar: Radar, actor, parsed: Parsed, dates: list | None = None) -> list[RadarEdition]:
    """Write ``parsed`` as new editions of ``radar`` (older ones published with ``dates``, the newest a draft)."""
    if not parsed.row_count:
        raise ImportRefused("The file has no row that can be taken.")
    with transaction.atomic():
        if radar.editions.filter(state=EditionState.DRAFT).exists():
            raise ImportRefused("This radar already has a draft edition: publish or remove it before importing.")
        places = Places(radar)
        items = _items(radar, parsed)
        made = []
        for index, source in enumerate(parsed.editions):
            edition = services.new_draft(radar=radar, actor=actor, name=_edition_name(radar, source.name),
                                         copy=False)
            _insert(Blip, [dict(edition_id=edition.pk, item_id=items[row.name.casefold()].pk,
                                quadrant_id=places.quadrants[row.quadrant].pk, ring_id=places.rings[row.ring].pk,
                                rationale=row.description, origin_label="", origin_url="") for row in source.rows])
            if index < len(parsed.editions) - 1:
                when = dates[index] if dates and index < len(dates) else None
                edition = services.publish(edition=edition, actor=actor, published_at=when)
            made.append(edition)
        log_activity(action="radars.imported", target=radar, actor=actor, editions=len(made),
                     rows=parsed.row_count, problems=len(parsed.problems))
    return made


def _edition_name(radar: Radar, wanted: str) -> str:
    return services._free_name(radar, (wanted or services._month_name())[:70])


def _items(radar: Radar, parsed: Parsed) -> dict[str, Item]:
    """Every item the file names, existing ones matched in any case, new ones made in one statement."""
    items = {i.name.casefold(): i for i in Item.objects.filter(radar=radar)}
    slugs = set(Item.objects.filter(radar=radar).values_list("slug", flat=True))
    new = {}
    for source in parsed.editions:
        for row in source.rows:
            folded = row.name.casefold()
            if folded in items:
                if row.description and not items[folded].description and folded in new:
                    items[folded].description = row.description
                continue
            base = slugify(row.name)[:150] or "item"
            slug, n = base, 2
            while slug in slugs:
                slug, n = f"{base}-{n}", n + 1
            slugs.add(slug)
            item = Item(radar=radar, name=row.name, slug=slug, description=row.description, tags=row.tags[:300],
                        link=row.link[:500])
            items[folded] = new[folded] = item
    _insert(Item, [dict(radar_id=radar.pk, name=i.name, slug=i.slug, description=i.description, tags=i.tags,
                        link=i.link) for i in new.values()])
    for pk, name in Item.objects.filter(radar=radar).values_list("pk", "name") if new else ():
        if name.casefold() in new:
            new[name.casefold()].pk = pk
    return items


def _insert(model, rows: list[dict]) -> None:
    """Many rows in one ``executemany``: ``bulk_create`` spends seconds preparing 10,000 model instances
    field by field; these values are plain text and ids already. Both timestamps are now."""
    if not rows:
        return
    now = timezone.now()
    fields = {f.name: f for f in model._meta.concrete_fields}
    names = list(rows[0]) + ["created_at", "updated_at"]
    columns = ", ".join(connection.ops.quote_name(fields[n.removesuffix("_id")].column if n.endswith("_id")
                                                  else fields[n].column) for n in names)
    stamp = fields["created_at"].get_db_prep_save(now, connection)
    sql = (f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
           f"VALUES ({', '.join(['%s'] * len(names))})")
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[*row.values(), stamp, stamp] for row in rows])
