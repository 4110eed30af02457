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

The lists and exports of a call's applications ask the same of the whole call: ``register_list(provider)`` with
``provider(user, call) -> frozenset | None``; a set (the identifying answer keys, maybe empty) means the person
reads the call's applications without the applicants' identity (no name, address, organisation, documents, no
search by them), None that the provider hides nothing.
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


_list_providers: list = []


def register_list(provider) -> None:
    """Add ``provider(user, call) -> frozenset | None`` (once)."""
    if provider not in _list_providers:
        _list_providers.append(provider)


def unregister_list(provider) -> None:
    if provider in _list_providers:
        _list_providers.remove(provider)


def list_concealment(user, call) -> frozenset | None:
    """The answer keys to hide from ``user`` in the lists and exports of ``call`` (identity concealed), or None
    when every provider shows the identity."""
    hidden = [keys for provider in _list_providers if (keys := provider(user, call)) is not None]
    return frozenset().union(*hidden) if hidden else None
