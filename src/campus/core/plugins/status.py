"""Sections of the applicant's status page: apps above ``applications`` (interviews, admissions, ...) register a
provider from their ``plugin.py``; the status page shows what the providers return. ``applications`` imports
none of them.

A provider is ``func(request, application) -> StatusSection | None``. A section may replace the status label
(e.g. "Offer of a place – please reply") and adds a block of HTML (rendered by the provider's own template)::

    from campus.core.plugins import status

    status.register(offer_section)

A section may also make parts of the page moot (``replaces``): other sections, by their ``key``, and the page's
own parts, which ``applications`` names the same way (see ``PAGE_PARTS``). After a decision the admissions
section replaces the review and interview texts and "What happens next"; for a place accepted or refused, also
the letter for the employer and "Withdraw". The page asks :func:`page` what to show.
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
    replaces: tuple[str, ...] = ()  # keys of sections (or of PAGE_PARTS) this one makes moot (they are not shown)


# The status page's own parts (kept by ``applications``), named so that a section can replace them.
PAGE_PARTS = {
    "received": "the note that the application was received and what the team does with it",
    "next_steps": "“What happens next”: submitted, review, interview, decision",
    "call_dates": "the call's dates (deadline, decisions by)",
    "boss_letter": "the letter for the employer",
    "withdraw": "the way to withdraw the application",
}


@dataclass(frozen=True)
class StatusPage:
    sections: list[StatusSection]
    moot: frozenset[str]  # keys replaced by a section: neither those sections nor those page parts are shown

    def shows(self, part: str) -> bool:
        return part not in self.moot


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


def page(request, application) -> StatusPage:
    """What the providers return for ``application``, without the sections others replace, in ``order``, and
    the keys replaced (so the page leaves out its own parts that a section made moot)."""
    found = [section for provider in _providers if (section := provider(request, application)) is not None]
    replaced = frozenset(key for section in found for key in section.replaces)
    shown = sorted((section for section in found if section.key not in replaced), key=lambda section: section.order)
    return StatusPage(sections=shown, moot=replaced)


def sections(request, application) -> list[StatusSection]:
    """The sections of :func:`page`."""
    return page(request, application).sections
