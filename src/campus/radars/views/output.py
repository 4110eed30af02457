"""Read-only views of one radar: the printable page and the PDF (for whoever may see it), the public link."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from campus.cohort.access import participant_page
from campus.core.pdf import CAMPUS_ROOT, render_pdf

from .. import selectors, svg
from ..models import Radar
from .common import radar_context, radar_or_404

TEMPLATE = CAMPUS_ROOT / "radars" / "typst" / "radar.typ"


def pdf_bytes(context: dict) -> bytes:
    radar, edition = context["radar"], context["edition"]
    rows = context["rows"]
    plain_svg = svg.render(radar=radar, edition=edition, rows=rows, quadrants=context["quadrants"],
                           rings=context["rings"]) if edition else "<svg xmlns='http://www.w3.org/2000/svg'/>"
    data = {
        "title": radar.title, "owner": context["owner_label"], "count": len(rows),
        "edition": edition.name if edition else "—", "state": edition.get_state_display() if edition else "",
        "svg": plain_svg,
        "quadrants": [{"name": g.quadrant.name, "rings": [{"name": rg.ring.name, "blips": [
            {"number": r.number, "name": r.item.name, "movement": r.movement_label, "rationale": r.blip.rationale}
            for r in rg.rows]} for rg in g.rings if rg.rows]} for g in context["groups"]],
    }
    return render_pdf(TEMPLATE, data=data)


def _pdf_response(context: dict) -> HttpResponse:
    response = HttpResponse(pdf_bytes(context), content_type="application/pdf")
    name = slugify(f"{context['radar'].title} {context['edition'].name if context['edition'] else ''}") or "radar"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@require_GET
@participant_page
def printable(request, pk: int):
    radar = radar_or_404(request.user, pk)
    return render(request, "radars/print.html", radar_context(radar, request.GET))


@require_GET
@participant_page
def pdf(request, pk: int):
    radar = radar_or_404(request.user, pk)
    return _pdf_response(radar_context(radar, request.GET))


def _public(token: str) -> Radar:
    radar = selectors.public_radar(token)
    if radar is None:
        raise Http404("This link does not open a radar (it may have been revoked).")
    return radar


@require_GET
def public(request, token: str):
    """The public link: the published editions only, read-only, never cached by anyone."""
    context = radar_context(_public(token), request.GET, published_only=True)
    context["token"] = token
    response = render(request, "radars/public.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


@require_GET
def public_pdf(request, token: str):
    context = radar_context(_public(token), request.GET, published_only=True)
    response = _pdf_response(context)
    add_never_cache_headers(response)
    return response
