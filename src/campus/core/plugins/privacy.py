"""Privacy handlers: what each app holds about a person, and how it is erased (issue 10).

The privacy app (subject access, erasure, retention) knows no app by name: it loops over the handlers the apps
register here from their ``plugin.py``::

    from campus.core.plugins import privacy

    class ContactHandler(privacy.PrivacyHandler):
        key, order = "contact_messages", 30
        def export(self, person):             # -> ({"contact_messages": [...]}, [(name in the zip, FieldFile)])
        def plan(self, person):               # -> what erasing the person will change here (any object)
        def describe(self, part, person):     # -> [Section(...)] for the staff's approval page
        def erase(self, part, person):        # -> {"contact_messages": 1}: done through the app's own services

    privacy.register(ContactHandler())

Every hook gets a :class:`Person`: the subject (an account and its confirmed addresses), what the handlers
before it found (``applications``, ``released`` ...), the scrubbing helpers for other people's rows, and it
collects the objects whose activity-log entries are about the person (:meth:`Person.add_targets`). Handlers
run by ``order`` (lowest first); ``prepare`` of every handler runs before any ``export`` or ``plan``.
An app's text for docs/privacy.md (``HANDLING``) sits next to its ``PERSONAL_DATA`` in its ``privacy.py``.

The types handlers need (:class:`Subject`, :class:`Person`, :class:`Section`, ``campus.core.scrub``) live
here in core, so apps below ``privacy`` never import it.
"""

import calendar
import hashlib
import hmac
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from campus.core import scrub


@dataclass
class Subject:
    """The person whose data is asked for: an account (with its confirmed addresses), or only an address
    (someone who wrote through the contact form without an account)."""

    user: object | None
    emails: list[str] = field(default_factory=list)  # confirmed, lower case: the only ones data is matched by
    unconfirmed: list[str] = field(default_factory=list)  # the account's other addresses: shown, never matched

    @property
    def reference(self) -> str:
        """How the activity log names a person without an account: a keyed hash of the address."""
        return pseudonym(self.emails[0]) if self.emails else ""


def pseudonym(email: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()[:24]


def add_months(moment, months: int):
    """``moment`` plus whole calendar months (31 January + 1 month = 28/29 February): retention periods."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def iso(moment) -> str | None:
    """A moment as data.json writes it."""
    return moment.isoformat() if moment else None


def shown(moment) -> str:
    """A moment as the approval page shows it."""
    return timezone.localtime(moment).strftime("%d %b %Y %H:%M") if moment else "—"


def plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


@dataclass
class Section:
    """One kind of row on the erasure's approval page. Sections of the same title (from several handlers)
    are shown as one, in the place of the lowest ``order``."""

    title: str
    what: str
    rows: list[str]
    order: int = 100
    count: int | None = None  # how many rows the kind changes, when ``rows`` are numbers rather than one per row

    @property
    def total(self) -> int:
        return len(self.rows) if self.count is None else self.count


@dataclass
class Person:
    """What the handlers share while exporting or planning the erasure of one person."""

    subject: Subject
    actor: object = None
    # found by the handlers that run first (applications: the person's applications; admissions: which of them
    # have their results released); read by the others
    applications: list = field(default_factory=list)
    released: set = field(default_factory=set)  # ids of applications whose results the person may see
    facts: dict = field(default_factory=dict)  # anything else one handler tells those after it
    # the activity log: objects whose entries are about the person; entries' targets named for the person
    targets: list = field(default_factory=list)
    admin_targets: list = field(default_factory=list)  # rows whose content-editor log entries are theirs
    target_names: dict = field(default_factory=dict)  # (label, str(pk)) -> "application BSR-..."
    withheld: set = field(default_factory=set)  # (label, str(pk)) whose internal entries are not exported yet
    # erasure only (set by the privacy app)
    identifiers: scrub.Identifiers = field(default_factory=scrub.Identifiers)
    owner_names: Callable | None = None  # row -> names of the person the row belongs to

    @property
    def user(self):
        return self.subject.user

    @property
    def application_ids(self) -> list[int]:
        return [a.pk for a in self.applications]

    def reference(self, application_id) -> str | None:
        return next((a.reference for a in self.applications if a.pk == application_id), None)

    def add_targets(self, objects: Iterable, *, admin_log: bool = False) -> None:
        objects = list(objects)
        if objects:
            self.targets.append(objects)
            if admin_log:
                self.admin_targets.append(objects)

    def for_row(self, row) -> scrub.Identifiers:
        """The person's identifiers less the names of the person ``row`` belongs to (a namesake keeps theirs)."""
        return self.identifiers.without(self.owner_names(row) if self.owner_names else [])

    def scrubbed(self, row, value):
        """``value`` of someone else's ``row``, with the person's identifiers replaced where certain."""
        return scrub.scrub_other(value, self.for_row(row))

    def changed_by_scrubbing(self, queryset, fields) -> list:
        """Rows of ``queryset`` (others' rows) whose ``fields`` the certain-match scrubbing changes."""
        values = self.identifiers.all
        if not values:
            return []
        condition = scrub.mentioning(fields[0], values)
        for name in fields[1:]:
            condition |= scrub.mentioning(name, values)
        return [row for row in queryset.filter(condition).order_by("pk")
                if any(self.scrubbed(row, getattr(row, name)) != getattr(row, name) for name in fields)]


def delete_file_on_commit(stored) -> None:
    """Delete a stored file (a FieldFile) from disk once the transaction that dropped it commits."""
    storage, name = stored.storage, stored.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def rewrite_texts(rows: Iterable, fields, rewrite: Callable) -> int:
    """Other people's ``rows`` (of one app's model) whose free-text ``fields`` name an erased person: each field
    passed through ``rewrite(row, value)`` (``Person.scrubbed``) under the row's lock. For a handler's
    ``erase``: the app decides which of its rows and fields; returns how many rows changed."""
    changed = 0
    for row in rows:
        row = type(row).objects.select_for_update().filter(pk=row.pk).first()
        if row is None:  # deleted by the erasure meanwhile (a conflict the person declared)
            continue
        for name in fields:
            setattr(row, name, rewrite(row, getattr(row, name)))
        row.save(update_fields=[*fields, "updated_at"] if hasattr(row, "updated_at") else list(fields))
        changed += 1
    return changed


class PrivacyHandler:
    """One app's part of subject access and erasure. Override the hooks the app needs; each default does
    nothing. ``key``: unique (the name of its part of the plan); ``order``: lowest first."""

    key = ""
    order = 100
    internal_actions: tuple[str, ...] = ()  # activity-log actions of the team's internal assessment (prefixes)
    unconfirmed_actions: frozenset = frozenset()  # never in the download
    notes: tuple[str, ...] = ()  # lines for data.json's "notes"

    def prepare(self, person: Person) -> None:
        """Before any export or plan: tell the handlers after it what it found (``person.applications`` ...)."""

    def holds_address(self, email: str) -> bool:
        """True when it holds data under ``email`` without an account (contact messages, mail)."""
        return False

    def export(self, person: Person) -> tuple[dict, list]:
        """Sections of data.json and files for the zip (name, FieldFile)."""
        return {}, []

    def summary(self, subject: Subject) -> dict:
        """Counts of what it holds, for the person's page."""
        return {}

    def identifiers(self, person: Person) -> tuple[set, set]:
        """(names, details) of the person that it holds: see ``campus.core.scrub.Identifiers``."""
        return set(), set()

    def owner_names(self, row) -> list[str] | None:
        """The names of the person ``row`` (someone else's row) belongs to, when it knows; else None."""
        return None

    def plan(self, person: Person):
        """What erasing the person will change here (read only; any object, passed back to ``erase``)."""
        return None

    def describe(self, part, person: Person) -> list[Section]:
        return []

    def erase(self, part, person: Person) -> dict:
        """Do the plan's part through the app's services; return counts."""
        return {}

    def retained(self) -> dict:
        """What must outlive its retention period because of this app: {kind: a queryset of ids}, e.g.
        {"applications": the admitted ones}. The handler that purges that kind keeps them."""
        return {}

    def purge(self, *, now, dry_run: bool, months_of: Callable, retained: dict) -> dict:
        """Delete what has outlived its retention period (``months_of(edition)``: the edition's period in
        months; ``retained``: {kind: [querysets of ids]} of every handler). Return counts (also on a dry run)."""
        return {}


_handlers: dict[str, PrivacyHandler] = {}


def register(handler: PrivacyHandler) -> PrivacyHandler:
    """Register ``handler`` (again under the same key: replaced, e.g. on a reload)."""
    if not handler.key:
        raise ValueError("A privacy handler needs a key.")
    _handlers[handler.key] = handler
    return handler


def unregister(key: str) -> None:
    _handlers.pop(key, None)


def handlers() -> list[PrivacyHandler]:
    return sorted(_handlers.values(), key=lambda h: (h.order, h.key))
