"""``{% edition_url "modules" %}``, ``{% edition_url "module" module.number %}``: a link to a page of the edition
the page shows. At the root URLs (the current edition) the root page (/modules/3/); on an archive page (the view's
context has ``archive``, the edition's slug) the archive page (/editions/<slug>/modules/3/), so that links from a
past edition's pages stay inside its archive."""

from django import template
from django.urls import reverse

register = template.Library()

PAGES = ("home", "modules", "module", "module_ics", "schedule", "schedule_ics")


@register.simple_tag(takes_context=True)
def edition_url(context, page: str, number: int | None = None) -> str:
    if page not in PAGES:
        raise template.TemplateSyntaxError(f"edition_url: unknown page {page!r}")
    kwargs = {"number": number} if number is not None else {}
    slug = context.get("archive")
    if slug:
        return reverse(f"programme:edition_{page}", kwargs={"edition": slug, **kwargs})
    return reverse(f"programme:{page}", kwargs=kwargs)


@register.simple_tag
def archive_url(edition, page: str = "home", number: int | None = None) -> str:
    """The archive address of ``edition``'s page, whatever the page shows (e.g. "Module 2 of the 2020–2021
    edition" on a root module page)."""
    kwargs = {"number": number} if number is not None else {}
    return reverse(f"programme:edition_{page}", kwargs={"edition": edition.slug, **kwargs})
