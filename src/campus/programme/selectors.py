"""Reads shared by the public pages, the feeds and later apps. Each returns everything a page needs
in a fixed number of queries, whatever the number of modules, meetups or FAQ entries."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import slug_re
from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from campus.core.content_memo import memo

from .models import FAQ, Edition, Meetup, Module, Page, Programme


def current_programme() -> Programme:
    """The programme of the site (kept per content version inside a request: ``campus.core.content_memo``)."""
    slug = getattr(settings, "CAMPUS_PROGRAMME_SLUG", "")
    # with the number of published editions (the footer links the archive when there are two): no extra query
    queryset = Programme.objects.annotate(
        published_editions=Count("editions", filter=Q(editions__published_at__isnull=False)))
    programme = memo(("programme", slug), lambda: (queryset.filter(slug=slug) if slug else queryset).first())
    if programme is None:
        raise Http404("No programme has been set up yet. Run `manage.py load_seed_edition`.")
    return programme


def published(queryset: QuerySet[Edition]) -> QuerySet[Edition]:
    """Only the published editions of ``queryset``: a draft (``published_at`` empty) is for staff only."""
    return queryset.filter(published_at__isnull=False)


def pick_current_edition(programme: Programme, *, today: date | None = None) -> Edition | None:
    """The edition the public site should show (``services.refresh_current_edition`` keeps ``is_current`` equal to
    it): among the PUBLISHED editions, the one whose education is running or next (the earliest not yet ended);
    when all have ended, the one that ended last. Drafts never. One query, whatever the number of editions."""
    today = today or timezone.localdate()
    spans = []
    for edition in published(Edition.objects.filter(programme=programme)).annotate(
            first=Min("modules__starts_on"), last=Max("modules__ends_on")):
        # an edition without modules runs from its application deadline to its acceptance-letter date
        spans.append((edition.first or edition.application_deadline, edition.last or edition.acceptance_letter_on,
                      edition.pk, edition))
    coming = sorted((start, pk, edition) for start, end, pk, edition in spans if end >= today)
    if coming:
        return coming[0][2]
    ended = sorted((end, pk, edition) for start, end, pk, edition in spans)
    return ended[-1][2] if ended else None


def current_edition(programme: Programme) -> Edition:
    """The edition the public site shows (``Edition.is_current``, kept by ``services.refresh_current_edition``);
    never a draft. Without a current one, the published edition with the latest deadline."""
    edition = memo(("edition", programme.pk), lambda: (
        published(Edition.objects.filter(programme=programme))
        .order_by("-is_current", "-application_deadline")
        .select_related("programme")
        .first()
    ))
    if edition is None:
        raise Http404("This programme has no edition yet.")
    return edition


def published_edition(programme: Programme, slug: str) -> Edition:
    """The published edition ``slug`` of the programme (its archive pages); 404 for a draft or an unknown slug
    (also for one that cannot be a slug: a NUL from ``?edition=`` would be an error in PostgreSQL)."""
    if not slug_re.match(slug):
        raise Http404("No such edition.")
    edition = (published(Edition.objects.filter(programme=programme, slug=slug)).select_related("programme")
               .first())
    if edition is None:
        raise Http404("No such edition.")
    return edition


def published_editions(programme: Programme) -> list[Edition]:
    """Every published edition with its first and last module dates (``starts_on``, ``ends_on``; None without
    modules), newest first, in one query: the archive (/editions/)."""
    return list(
        published(Edition.objects.filter(programme=programme))
        .annotate(starts_on=Min("modules__starts_on"), ends_on=Max("modules__ends_on"))
        .order_by("-application_deadline", "-pk")
    )


def edition_status(edition: Edition, current: Edition, *, ends_on: date | None, today: date | None = None) -> str:
    """"current", "past" (its education has ended) or "upcoming" (a published edition after the current one)."""
    if edition.pk == current.pk:
        return "current"
    today = today or timezone.localdate()
    return "past" if (ends_on or edition.acceptance_letter_on) < today else "upcoming"


def modules_of(edition: Edition) -> QuerySet[Module]:
    return (
        Module.objects.filter(edition=edition)
        .select_related("provider")
        .prefetch_related("learning_outcomes", Prefetch("meetups", queryset=Meetup.objects.order_by("starts_at")))
        .order_by("number")
    )


def meetups_of(edition: Edition, module: Module | None = None) -> QuerySet[Meetup]:
    queryset = Meetup.objects.filter(module__edition=edition).select_related("module").order_by("starts_at")
    return queryset.filter(module=module) if module is not None else queryset


@dataclass(frozen=True)
class KeyFigures:
    weeks: int
    modules: int
    countries: int
    meetups_per_module: int
    hours_per_week_min: int
    hours_per_week_max: int
    price_eur: Decimal
    estimated_value_eur: Decimal | None
    costs_note: str
    starts_on: date | None
    ends_on: date | None

    @property
    def is_free(self) -> bool:
        return not self.price_eur


def key_figures(edition: Edition, modules: list[Module]) -> KeyFigures:
    """Figures derived from the data: weeks of education from module dates, meetups per module
    from the meetups. ``modules`` must come from :func:`modules_of` (meetups prefetched)."""
    days = sum(module.days for module in modules)
    meetup_counts = [len(module.meetups.all()) for module in modules]
    return KeyFigures(
        weeks=days // 7,
        modules=len(modules),
        countries=len({module.country.code for module in modules}),
        meetups_per_module=max(meetup_counts, default=0),
        hours_per_week_min=edition.hours_per_week_min,
        hours_per_week_max=edition.hours_per_week_max,
        price_eur=edition.price_eur,
        estimated_value_eur=edition.estimated_value_eur,
        costs_note=edition.costs_note,
        starts_on=min((m.starts_on for m in modules), default=None),
        ends_on=max((m.ends_on for m in modules), default=None),
    )


@dataclass(frozen=True)
class TimelineEntry:
    module: Module
    break_weeks: int | None  # the gap to the next module, in whole weeks (None after the last)
    break_days: int | None
    break_note: str


def timeline(modules: list[Module]) -> list[TimelineEntry]:
    entries = []
    for index, module in enumerate(modules):
        following = modules[index + 1] if index + 1 < len(modules) else None
        gap = (following.starts_on - module.ends_on).days - 1 if following else None
        entries.append(
            TimelineEntry(
                module=module,
                break_days=gap,
                break_weeks=round(gap / 7) if gap is not None else None,
                break_note=module.break_after,
            )
        )
    return entries


def published_faqs(programme: Programme) -> list[tuple[str, list[FAQ]]]:
    faqs = FAQ.objects.filter(programme=programme, is_published=True).order_by("order", "id")
    ordered = sorted(faqs, key=lambda faq: (faq.order, faq.id))
    categories: dict[str, list[FAQ]] = {}
    for faq in ordered:
        categories.setdefault(faq.category or "General", []).append(faq)
    return list(categories.items())


def footer_pages(programme: Programme) -> list[Page]:
    return memo(("footer", programme.pk), lambda: list(
        Page.objects.filter(programme=programme, show_in_footer=True).only("slug", "title", "programme_id")))




def page_body(programme: Programme, slug: str) -> str:
    """The text of the programme's page ``slug`` ("" when there is none): for an app whose pages replace it and
    that shows it while it has nothing of its own yet (the booklet before any profile is published)."""
    return Page.objects.filter(programme=programme, slug=slug).values_list("body", flat=True).first() or ""


def request_programme(request) -> Programme:
    """The programme of the site, looked up once per request."""
    if not hasattr(request, "_campus_programme"):
        request._campus_programme = current_programme()
    return request._campus_programme
