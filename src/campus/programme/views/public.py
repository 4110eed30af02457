"""Public pages: the same for every visitor, so most are cached whole (see core.cache)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from campus.core.cache import cached_public_page
from campus.core.content_memo import memo
from campus.core.plugins import links

from .. import selectors, services
from ..forms import ContactForm
from ..ics import meetups_calendar
from ..map import module_map
from ..models import Page


def _edition_context(request, edition_slug: str | None = None):
    """What every page of one edition shows: the current edition at the root URLs (/, /modules/ ...), the published
    edition ``edition_slug`` at its archive URLs (/editions/<slug>/...; a draft or unknown slug is a 404). On an
    archive page ``archive`` is its slug: its links stay in the archive (``{% edition_url %}``), a past or upcoming
    edition carries the notice, the current one a canonical link to its root page."""
    programme = selectors.request_programme(request)
    current = selectors.current_edition(programme)
    edition = current if edition_slug is None else selectors.published_edition(programme, edition_slug)
    modules = memo(("modules", edition.pk), lambda: list(selectors.modules_of(edition)))
    figures = selectors.key_figures(edition, modules)
    return {
        "programme": programme,
        "edition": edition,
        "current_edition": current,
        "archive": edition_slug,
        "edition_status": selectors.edition_status(edition, current, ends_on=figures.ends_on),
        "canonical": _canonical(request, edition_slug) if edition_slug and edition.pk == current.pk else "",
        "modules": modules,
        "figures": figures,
        "map": module_map(modules),
        "modules_lead": f"{figures.modules} modules in {figures.countries} countries, "
        f"each with {figures.meetups_per_module} meetups and online learning in between.",
        "schedule_lead": f"The {edition.name} edition: {figures.weeks} weeks of part-time education, "
        f"{figures.hours_per_week_min}–{figures.hours_per_week_max} hours a week.",
    }


@require_GET
@cached_public_page
def edition_list(request):
    """The archive: every published edition (current, upcoming, past) with its dates."""
    programme = selectors.request_programme(request)
    current = selectors.current_edition(programme)
    editions = selectors.published_editions(programme)
    for each in editions:
        each.status = selectors.edition_status(each, current, ends_on=each.ends_on)
    return render(request, "programme/edition_list.html",
                  {"programme": programme, "editions": editions, "current_edition": current})


def _canonical(request, edition_slug: str) -> str:
    """The current edition's archive page is the root page's content: its canonical address is the root page's."""
    match = request.resolver_match
    kwargs = {k: v for k, v in match.kwargs.items() if k != "edition"}
    return request.build_absolute_uri(reverse(f"programme:{match.url_name.removeprefix('edition_')}", kwargs=kwargs))


def _with_apply_link(request, template: str, context: dict):
    """A page with the "apply" promise: it leads to the application while the call is open (the link the
    applications app registers), else to the sign-up for news. Cached no longer than the call stays as it is."""
    # only the current edition's call is applied to (/apply/): an archive page of another edition offers none
    current = context["edition_status"] == "current"
    context["apply"] = apply = links.link("apply", edition=context["edition"]) if current else links.Link("")
    response = render(request, template, context)
    response.cache_until = apply.changes_at
    return response


@require_GET
@cached_public_page
def home(request, edition: str | None = None):
    context = _edition_context(request, edition)
    edition, programme = context["edition"], context["programme"]
    context["outcomes"] = memo(("outcomes", edition.pk), lambda: list(edition.outcomes.all()))
    context["benefits"] = memo(("benefits", programme.pk), lambda: list(programme.benefits.all()))
    return _with_apply_link(request, "programme/home.html", context)


@require_GET
@cached_public_page
def module_list(request, edition: str | None = None):
    return render(request, "programme/module_list.html", _edition_context(request, edition))


@require_GET
@cached_public_page
def module_detail(request, number: int, edition: str | None = None):
    context = _edition_context(request, edition)
    module = next((m for m in context["modules"] if m.number == number), None)
    if module is None:
        raise Http404("No such module.")
    index = context["modules"].index(module)
    context.update(
        module=module,
        previous_module=context["modules"][index - 1] if index > 0 else None,
        next_module=context["modules"][index + 1] if index + 1 < len(context["modules"]) else None,
    )
    return render(request, "programme/module_detail.html", context)


@require_GET
@cached_public_page
def schedule(request, edition: str | None = None):
    context = _edition_context(request, edition)
    context["timeline"] = selectors.timeline(context["modules"])
    return render(request, "programme/schedule.html", context)


@require_GET
@cached_public_page
def admission(request):
    context = _edition_context(request)
    context["requirements"] = list(context["edition"].requirements.all())
    context["faq_groups"] = selectors.published_faqs(context["programme"])
    return _with_apply_link(request, "programme/admission.html", context)


@require_GET
@cached_public_page
def benefits(request):
    context = _edition_context(request)
    context["benefits"] = list(context["programme"].benefits.all())
    return render(request, "programme/benefits.html", context)


@require_GET
@cached_public_page
def about(request):
    context = _edition_context(request)
    context["partners"] = list(context["programme"].partners.all())
    context["background"] = Page.objects.filter(programme=context["programme"], slug="background").first()
    return render(request, "programme/about.html", context)


@require_GET
@cached_public_page
def page(request, slug: str):
    # An app above may have replaced this page with pages of its own (core.plugins.links, "page:<slug>": the
    # booklet's public pages, the forum's event page).
    replaced = links.url(f"page:{slug}")
    if replaced:
        return redirect(replaced, permanent=False)
    programme = selectors.request_programme(request)
    page = get_object_or_404(Page, programme=programme, slug=slug)
    return render(request, "programme/page.html", {"programme": programme, "page": page})


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _feed_edition(request, slug: str | None):
    """The edition of a calendar feed: the archive URL's, else ``?edition=<slug>``, else the current one."""
    programme = selectors.request_programme(request)
    slug = slug or request.GET.get("edition")
    return programme, (selectors.published_edition(programme, slug) if slug else selectors.current_edition(programme))


@require_GET
@cached_public_page(params=("edition",))
def schedule_ics(request, edition: str | None = None):
    programme, edition = _feed_edition(request, edition)
    content = meetups_calendar(
        edition=edition,
        meetups=selectors.meetups_of(edition),
        name=f"{programme.short_name} {edition.name}",
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    return _ics_response(content, f"{programme.slug}-{edition.slug}.ics")


@require_GET
@cached_public_page(params=("edition",))
def module_ics(request, number: int, edition: str | None = None):
    programme, edition = _feed_edition(request, edition)
    module = get_object_or_404(edition.modules.all(), number=number)
    content = meetups_calendar(
        edition=edition,
        meetups=selectors.meetups_of(edition, module),
        name=f"{programme.short_name}: Module {module.number}",
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    return _ics_response(content, f"{programme.slug}-{edition.slug}-module-{module.number}.ics")


def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


@require_http_methods(["GET", "POST"])
def contact(request):
    programme = selectors.request_programme(request)
    form = ContactForm(request.POST or None, initial={"topic": request.GET.get("topic", "")})
    rate_limited = False
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            return redirect("programme:contact_thanks")
        try:
            services.submit_contact_message(
                programme=programme, client=_client_address(request), **{f: form.cleaned_data[f] for f in ContactForm.Meta.fields}
            )
        except services.RateLimited:
            rate_limited = True
        else:
            return redirect("programme:contact_thanks")
    status = 429 if rate_limited else 200
    return render(
        request, "programme/contact.html", {"programme": programme, "form": form, "rate_limited": rate_limited,
                                          "form_error": rate_limited}, status=status
    )


@require_GET
def contact_thanks(request):
    programme = selectors.request_programme(request)
    return render(request, "programme/contact_thanks.html", {"programme": programme})
