"""Sections of the applicant's status page: apps above ``applications`` (interviews, admissions, ...) register a
provider from their ``plugin.py``; the status page shows what the providers return. ``applications`` imports
none of them.

A provider is ``func(request, application) -> StatusSection | None``. A section may replace the status label
(e.g. "Offer of a place – please reply") and adds a block of HTML (rendered by the provider's own template)::

    from campus.core.plugins import status

    status.register(offer_section)
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString


@dataclass(frozen=True)
class StatusSection:
    html: SafeString | str = ""
    label: str = ""  # replaces the status label when given (the highest ``order`` wins)
    order: int = 0  # sections are shown in this order; later providers (admissions) use higher numbers
    step: str = ""  # which step of "What happens next" is reached: "review", "interview" or "decision"
    key: str = ""  # a name other sections may refer to
    replaces: tuple[str, ...] = ()  # keys of sections this one makes moot (they are not shown)


_providers: list = []


def register(provider) -> None:
    """Add ``provider(request, application) -> StatusSection | None`` (once; registering it again does nothing)."""
    if provider not in _providers:
        _providers.append(provider)


def unregister(provider) -> None:
    """Remove ``provider`` (tests; an app never needs it)."""
    if provider in _providers:
        _providers.remove(provider)


def providers() -> list:
    return list(_providers)


def sections(request, application) -> list[StatusSection]:
    """What the providers return for ``application``, without the sections others replace, in ``order``."""
    found = [section for provider in _providers if (section := provider(request, application)) is not None]
    replaced = {key for section in found for key in section.replaces}
    return sorted((section for section in found if section.key not in replaced), key=lambda section: section.order)
