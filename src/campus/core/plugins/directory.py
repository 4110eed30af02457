"""The cohort directory's details from apps above cohort (e.g. a participant's booklet profile).

``cohort`` owns the directory (/me/cohort/) and shows what it knows of each participant. An app above may add
to an entry, or give some of cohort's facts anew, by registering a provider from its ``plugin.py``::

    from campus.core.plugins import directory

    directory.register(details)   # (viewer, participants) -> {participant id: Details}

``viewer`` is the ``Participant`` looking at the directory, ``participants`` the rows shown (all of one edition).
A provider answers for all of them at once, in a fixed number of queries, and only with what the viewer may see
(the provider decides: a booklet profile only when its owner allowed fellow participants to see it). Nothing
registered: the directory is cohort's alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# cohort's own keys of an entry that a provider may give anew
REPLACEABLE = ("organisation", "cluster", "country", "sector")


@dataclass(frozen=True)
class Details:
    replaces: dict = field(default_factory=dict)  # {key in REPLACEABLE: text}; empty texts are ignored
    fields: tuple = ()  # ((label, text), ...) shown after cohort's own
    image_url: str = ""  # a picture of the person (shown with an empty alt: the name is next to it)
    link_url: str = ""
    link_label: str = ""


_providers: list = []


def register(provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def unregister(provider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def details_for(viewer, participants) -> dict[int, list[Details]]:
    """{participant id: [Details from each provider that has some]}."""
    found: dict[int, list[Details]] = {}
    rows = list(participants)
    for provider in _providers:
        for participant_id, details in (provider(viewer, rows) or {}).items():
            found.setdefault(participant_id, []).append(details)
    return found


def apply(entry: dict, details: list[Details]) -> dict:
    """``entry`` (cohort's dict of one participant) with the providers' details: replaced facts, and
    ``extra_fields``, ``image_url``, ``links`` added."""
    entry = {**entry, "extra_fields": [], "image_url": "", "links": []}
    for item in details:
        for key, text in item.replaces.items():
            if key in REPLACEABLE and text:
                entry[key] = text
        entry["extra_fields"].extend(item.fields)
        entry["image_url"] = entry["image_url"] or item.image_url
        if item.link_url:
            entry["links"].append((item.link_url, item.link_label or item.link_url))
    return entry
