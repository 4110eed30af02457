"""Sections of the staff page of one application (/staff/applications/<id>/): the apps above ``applications``
(review, interviews, admissions) and the outbox below it each add what they hold about the application, as the
person looking may see it; ``applications`` shows them and imports none of them (as the applicant's status page
does with ``plugins.status``)::

    from campus.core.plugins import application_page

    application_page.register(reviews_section)      # (request, application) -> Section | None

A provider returns None when the person may see nothing of its part (no role that opens it); it decides with the
app's own predicates what is shown (a reviewer reads others' reviews only as the review phase allows). A section
may ask the page to ``conceal`` the applicant's identity from the person (blind review): the page then shows the
reference instead of the name and leaves out the contact details, the identifying answers (``conceal_keys``) and
the documents.
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Section:
    title: str
    html: SafeString | str = ""  # rendered by the provider's own template; its headings start at <h3>
    order: int = 100  # reviews 20, interviews 30, admissions 40, mails 50
    key: str = ""
    conceal: bool = False  # hide the applicant's identity from this person (blind review)
    conceal_keys: frozenset = frozenset()  # the answers that identify the applicant


_providers: list = []


def register(provider) -> None:
    """Add ``provider(request, application) -> Section | None`` (once; registering it again does nothing)."""
    if provider not in _providers:
        _providers.append(provider)


def unregister(provider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def providers() -> list:
    return list(_providers)


def sections(request, application) -> list[Section]:
    """What the providers return for ``application``, in ``order``."""
    found = [section for provider in _providers if (section := provider(request, application)) is not None]
    return sorted(found, key=lambda section: section.order)
