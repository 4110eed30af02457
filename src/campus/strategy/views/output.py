"""What leaves or enters a strategy: the PDF, the JSON and CSV exports (for whoever may see it), the JSON import
(a new strategy of the person, with a report of what could not be taken) and the public link (read-only, never
cached, no sign-in)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from campus.cohort.access import participant_page

from .. import pdf, selectors, transfer
from ..forms import ImportForm
from .common import strategy_context, strategy_or_404


def _download(content: bytes, strategy, ext: str, mime: str) -> HttpResponse:
    response = HttpResponse(content, content_type=mime)
    name = slugify(f"strategy {strategy.cluster_name}") or "strategy"
    response["Content-Disposition"] = f'attachment; filename="{name}.{ext}"'
    return response


@require_GET
@participant_page
def pdf_view(request, pk: int):
    strategy = strategy_or_404(request.user, pk)
    return _download(pdf.pdf_bytes(selectors.whole(strategy)), strategy, "pdf", "application/pdf")


@require_GET
@participant_page
def export(request, pk: int, fmt: str):
    strategy = strategy_or_404(request.user, pk)
    whole = selectors.whole(strategy)
    if fmt == "json":
        return _download(transfer.to_json(whole), strategy, "json", "application/json")
    return _download(transfer.to_csv(whole), strategy, "csv", "text/csv; charset=utf-8")


@require_http_methods(["GET", "POST"])
@participant_page
def import_page(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            strategy, report = transfer.import_strategy(actor=request.user, edition=request.participant.edition,
                                                        data=form.cleaned_data["upload"].read())
        except transfer.ImportRefused as error:
            form.add_error("upload", str(error))
        else:
            return render(request, "strategy/import_done.html", {"strategy": strategy, "report": report})
    return render(request, "strategy/import.html", {"form": form})


def _public(token: str):
    strategy = selectors.public_strategy(token)
    if strategy is None:
        raise Http404("This link does not open a strategy (it may have been revoked).")
    return strategy


@require_GET
def public(request, token: str):
    context = strategy_context(_public(token))
    context["token"] = token
    response = render(request, "strategy/public.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


@require_GET
def public_pdf(request, token: str):
    strategy = _public(token)
    response = _download(pdf.pdf_bytes(selectors.whole(strategy)), strategy, "pdf", "application/pdf")
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response
