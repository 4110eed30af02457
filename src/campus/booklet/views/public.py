"""The public booklet (/booklet/): per edition every profile whose consent is "public", filters by country and
sector (a GET form), the introduction with computed numbers, a page per participant and their photo. The same
for every visitor, so the pages are cached whole; every change of a profile or a consent bumps the content
version, so a withdrawn profile leaves the pages at once."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from campus.core.cache import cached_public_page
from campus.programme import selectors as programme_selectors
from campus.programme.selectors import current_edition, request_programme

from .. import introduction, selectors
from ..forms import FilterForm
from .common import photo_response, profile_context


def _edition(request, slug=None):
    programme = request_programme(request)
    if slug is None:
        edition = current_edition(programme)
    else:
        edition = selectors.edition_by_slug(programme, slug)
    settings = selectors.settings_of(edition) if edition is not None else None
    if edition is None or (settings is not None and not settings.published):
        raise Http404("There is no public booklet of this edition.")
    edition.booklet_settings_row = settings
    return edition


def _listing(request, edition):
    choices = selectors.filter_choices(edition)
    form = FilterForm(request.GET or None, choices=choices)
    chosen = form.chosen()
    profiles = list(selectors.published_profiles(edition, "public", **chosen))
    counts = selectors.profile_counts(edition)
    settings = edition.booklet_settings_row
    cards = [{**profile_context(p), "url": reverse("booklet:profile", args=[edition.slug, p.pk]),
              "photo_url": reverse("booklet:photo", args=[edition.slug, p.pk]) if p.photo else ""} for p in profiles]
    return render(request, "booklet/public/list.html", {
        "edition": edition, "form": form, "cards": cards, "counts": counts, "filtered": any(chosen.values()),
        "lead": introduction.lead(counts),
        "introduction": introduction.render(settings.introduction if settings else "", counts, edition=edition,
                                            programme_name=edition.programme.name, fallback=_page_text(edition, counts)),
        "others": selectors.editions_with_public_profiles(edition.programme_id, exclude=edition.pk),
    })


def _page_text(edition, counts) -> str:
    """The programme's page that the booklet replaces, while no profile is published (one query, then only)."""
    return "" if counts["participants"] else programme_selectors.page_body(edition.programme, selectors.BOOKLET_PAGE)


@require_GET
def current(request):
    """The current edition's booklet lives at its own address (one page, one title): sent there."""
    found = _edition(request)
    query = urlencode([(name, request.GET[name]) for name in ("country", "sector") if request.GET.get(name)])
    return redirect(reverse("booklet:edition", args=[found.slug]) + (f"?{query}" if query else ""))


@require_GET
@cached_public_page(params=("country", "sector"))
def edition(request, edition_slug):
    return _listing(request, _edition(request, edition_slug))


@require_GET
@cached_public_page
def profile(request, edition_slug, profile_id):
    found_edition = _edition(request, edition_slug)
    found = selectors.published_profile(found_edition, profile_id, "public")
    if found is None:
        raise Http404("No such profile.")
    return render(request, "booklet/public/profile.html", {
        **profile_context(found), "edition": found_edition,
        "photo_url": reverse("booklet:photo", args=[edition_slug, found.pk]) if found.photo else "",
    })


@require_GET
def photo(request, edition_slug, profile_id):
    found_edition = _edition(request, edition_slug)
    found = selectors.published_profile(found_edition, profile_id, "public")
    if found is None or not found.photo:
        raise Http404("No such photo.")
    return photo_response(request, found, private=False)
