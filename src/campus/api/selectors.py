"""The reads behind the API: public rows only, each in a fixed number of queries.

What is public:

- the programme of the site (``programme.selectors.current_programme``);
- its **published editions** (current, upcoming and past): an edition staff are still preparing (a draft,
  ``published_at`` empty) is not public: the site does not show it, so neither does the API;
- the modules and meetups of a public edition, the programme's partners, and **published** FAQ entries.

Applications, accounts, contact messages and staff notes are never read here.
"""

from django.core.validators import slug_re
from django.db.models import Max, Min, QuerySet
from django.http import Http404

from campus.programme import selectors as programme_selectors
from campus.programme.models import FAQ, Edition, Meetup, Module, Partner, Programme


def programme() -> Programme:
    return programme_selectors.current_programme()


def current_edition(programme: Programme) -> Edition | None:
    try:
        return programme_selectors.current_edition(programme)
    except Http404:
        return None


def public_editions(programme: Programme) -> QuerySet[Edition]:
    return (
        programme_selectors.published(Edition.objects.filter(programme=programme))
        .annotate(starts_on=Min("modules__starts_on"), ends_on=Max("modules__ends_on"))
        .order_by("-application_deadline", "-id")
    )


def public_edition(programme: Programme, slug: str, *, detail: bool = False) -> Edition:
    """The public edition with this slug (404 otherwise); ``detail`` also fetches requirements and outcomes.
    A value that cannot be a slug is a 404 before any query (a NUL would be an error in PostgreSQL)."""
    if not slug_re.match(slug):
        raise Http404("No such edition.")
    queryset = public_editions(programme).filter(slug=slug)
    if detail:
        queryset = queryset.prefetch_related("requirements", "outcomes")
    edition = queryset.first()
    if edition is None:
        raise Http404("No such edition.")
    return edition


def chosen_edition(programme: Programme, slug: str | None) -> Edition:
    """The edition a request names with ``?edition=<slug>`` (a public one, else 404), or the current edition."""
    if slug:
        return public_edition(programme, slug)
    edition = current_edition(programme)
    if edition is None:
        raise Http404("This programme has no public edition yet.")
    return edition


def modules(edition: Edition) -> QuerySet[Module]:
    return (
        Module.objects.filter(edition=edition)
        .select_related("provider")
        .prefetch_related("learning_outcomes")
        .order_by("number", "id")
    )


def meetups(edition: Edition) -> QuerySet[Meetup]:
    return Meetup.objects.filter(module__edition=edition).select_related("module").order_by("starts_at", "id")


def partners(programme: Programme) -> QuerySet[Partner]:
    return Partner.objects.filter(programme=programme).order_by("order", "id")


def published_faqs(programme: Programme) -> QuerySet[FAQ]:
    return FAQ.objects.filter(programme=programme, is_published=True).order_by("order", "id")
