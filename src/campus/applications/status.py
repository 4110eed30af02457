"""The applicant's status page is extended by apps above this one (interviews, admissions): each registers a
provider here, and the status page shows what the providers return. ``applications`` imports none of them.

A provider is ``func(request, application) -> StatusSection | None``. A section may replace the status label
(e.g. "Offer of a place – please reply") and adds a block of HTML (rendered by the provider's own template).
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


def register_status_provider(provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def status_sections(request, application) -> list[StatusSection]:
    sections = [section for provider in _providers if (section := provider(request, application)) is not None]
    replaced = {key for section in sections for key in section.replaces}
    return sorted((section for section in sections if section.key not in replaced), key=lambda section: section.order)
