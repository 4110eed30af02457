"""Removing a person's identifiers from free text, by whole words only (issue 9, finding 3).

Three kinds of identifiers (:class:`Identifiers`):

- ``anchors``: what names the person with certainty: their confirmed addresses and their full names (two words
  or more);
- ``details``: further values of theirs that others may share: organisations, a cluster's name, a phone number
  or an address they typed into an application (not confirmed);
- ``words``: the single words of their names ("Aino", "Virtanen").

Rows that belong to the person (their activity, their erasure request) lose every identifier
(:func:`scrub_linked`). Other people's rows lose them only where the match is certain (:func:`scrub_other`,
with the names of the row's own person taken out first: :meth:`Identifiers.without`):
where an anchor occurs, the anchors and details are replaced; a value that is as a whole one of the person's
names or name words (a search for "Virtanen") is replaced; a name word inside someone else's sentence is not
("Mark the date" stays when Mark Tall is erased).

Matching is case-insensitive and unicode-aware: an identifier matches only where no letter, digit, hyphen or
apostrophe (or, for addresses, dot, plus or at sign followed by more of the address) continues it on either side,
so "Mark" never matches "Remarkable", "Markdown" or "Jean-Mark", and "aino@example.fi" never matches
"xaino@example.fi". A possessive ("Aino's") still matches.
"""

import json
import re
from dataclasses import dataclass, field

from django.db.models import Q

ERASED = "[erased]"
# Nothing of a word may touch the match on the left; on the right, a possessive 's may.
_LEFT = r"(?<![\w@+.'’-])"
_RIGHT = r"(?!\w|[-@+.]\w|['’](?!s\b)\w)"


@dataclass
class Identifiers:
    anchors: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.anchors = _clean(self.anchors)
        self.details = _clean(d for d in self.details if d.strip().lower() not in {a.lower() for a in self.anchors})
        self.words = _clean(self.words)

    def without(self, names) -> "Identifiers":
        """These identifiers less ``names`` (and their words): the names of the person a row belongs to, who
        may share a name with the person erased ("Dear Mark Tall" in the other Mark Tall's own mail stays)."""
        names = [n for n in names if n and n.strip()]
        drop = {" ".join(n.split()).casefold() for n in names} | {w.casefold() for n in names for w in n.split()}
        if not drop:
            return self
        return Identifiers(anchors=[a for a in self.anchors if a.casefold() not in drop],
                           details=[d for d in self.details if d.casefold() not in drop],
                           words=[w for w in self.words if w.casefold() not in drop])

    @property
    def all(self) -> list[str]:
        return _clean([*self.anchors, *self.details, *self.words])

    def __bool__(self) -> bool:
        return bool(self.anchors or self.details or self.words)


def _clean(values) -> list[str]:
    """Distinct, stripped, at least two characters, longest first (so a full name wins over its words)."""
    seen: dict[str, str] = {}
    for value in values:
        if isinstance(value, str) and len(value.strip()) >= 2:
            seen.setdefault(value.strip().casefold(), " ".join(value.split()))
    return sorted(seen.values(), key=lambda v: (-len(v), v))


def pattern(values: list[str]):
    """One regular expression matching any of ``values`` as whole words (spaces inside match any blank)."""
    if not values:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in value.split()) for value in values)
    return re.compile(f"{_LEFT}(?:{alternatives}){_RIGHT}", re.IGNORECASE)


def _replace(value, compiled):
    if compiled is None:
        return value
    if isinstance(value, str):
        return compiled.sub(ERASED, value)
    if isinstance(value, list):
        return [_replace(item, compiled) for item in value]
    if isinstance(value, dict):
        return {key: _replace(item, compiled) for key, item in value.items()}
    return value


def _text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)


def scrub_linked(value, identifiers: Identifiers):
    """``value`` (a string or JSON-like) of a row that belongs to the person: every identifier replaced."""
    return _replace(value, pattern(identifiers.all))


def _whole_values(value, names: set[str]):
    if isinstance(value, str):
        return ERASED if " ".join(value.split()).casefold() in names else value
    if isinstance(value, list):
        return [_whole_values(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _whole_values(item, names) for key, item in value.items()}
    return value


def anchored(value, identifiers: Identifiers) -> bool:
    """True when ``value`` names the person with certainty (a full name, a confirmed address, a phone)."""
    compiled = pattern(identifiers.anchors)
    return bool(compiled and compiled.search(_text(value)))


def scrub_other(value, identifiers: Identifiers):
    """``value`` of someone else's row: changed only where the match is certain (see the module's text)."""
    if anchored(value, identifiers):
        value = _replace(value, pattern([*identifiers.anchors, *identifiers.details]))
    return _whole_values(value, {v.casefold() for v in [*identifiers.anchors, *identifiers.words]})


def holds_value(value, addresses: list[str]) -> bool:
    """True when one of the strings in ``value`` (JSON-like) is, as a whole, one of ``addresses``."""
    wanted = {a.strip().casefold() for a in addresses if a}
    if isinstance(value, str):
        return value.strip().casefold() in wanted
    if isinstance(value, (list, tuple)):
        return any(holds_value(item, addresses) for item in value)
    if isinstance(value, dict):
        return any(holds_value(item, addresses) for item in value.values())
    return False


def mentioning(field_name: str, values: list[str]) -> Q:
    """A coarse database filter for the rows whose ``field_name`` (text or JSON) may contain one of ``values``:
    the candidates, which the functions above then judge word by word. Also the JSON escapes (SQLite keeps
    non-ASCII letters as \\uXXXX) and the lower and upper case forms (SQLite folds the case of ASCII only)."""
    condition = Q(pk__in=[])
    for value in values:
        for form in {value, value.lower(), value.upper(), value.title()}:
            for written in {form, json.dumps(form)[1:-1]}:
                condition |= Q(**{f"{field_name}__icontains": written})
    return condition
