"""Import and export of a radar, under /me/radars/<pk>/: the import form (a format and a file), a preview with
the row report, then the commit as a new draft edition; exports as downloads. Importing needs the right to edit
the radar, exporting the right to see it; a radar the person may not see or edit answers 404.

Between the preview and the commit the upload waits in the cache (an hour), under a random key tied to the person
and the radar, so nothing uploaded is lost and the file is not sent twice."""

import secrets

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.cohort.access import participant_page

from .. import exporters, selectors
from ..importers import FORMATS, ImportRefused, common, parse
from .common import choose_edition, radar_or_404

HELD_SECONDS = 3600


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label="Format", choices=list(FORMATS.items()), widget=forms.RadioSelect)
    upload = forms.FileField(label="File", help_text="CSV, JSON or a zip, at most 10 MB.")

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if upload.size > common.MAX_BYTES:
            raise forms.ValidationError("The file is larger than 10 MB.")
        return upload


def _held_key(request, radar, token: str) -> str:
    return f"radars:import:{request.user.pk}:{radar.pk}:{token}"


@require_http_methods(["GET", "POST"])
@participant_page
def import_page(request, pk: int):
    radar = radar_or_404(request.user, pk, edit=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data, kind = form.cleaned_data["upload"].read(), form.cleaned_data["kind"]
        try:
            parsed, _dates = parse(kind, data, radar)
        except ImportRefused as error:
            form.add_error("upload", str(error))
        else:
            _name_places(radar, parsed)
            token = secrets.token_urlsafe(16)
            cache.set(_held_key(request, radar, token), {"kind": kind, "data": data}, HELD_SECONDS)
            return render(request, "radars/import_preview.html", {
                "radar": radar, "parsed": parsed, "token": token, "kind_label": FORMATS[kind],
                "has_draft": selectors.has_draft(radar)})
    return render(request, "radars/import.html", {"radar": radar, "form": form, "exports": _exports(radar)})


def _name_places(radar, parsed) -> None:
    """The preview shows quadrant and ring names (of the rows it shows)."""
    quadrants = {q.position: q.name for q in radar.quadrants.all()}
    rings = {r.position: r.name for r in radar.rings.all()}
    for edition in parsed.editions:
        for row in edition.rows[:200]:
            row.quadrant_name, row.ring_name = quadrants.get(row.quadrant, ""), rings.get(row.ring, "")


@require_POST
@participant_page
def import_commit(request, pk: int):
    radar = radar_or_404(request.user, pk, edit=True)
    token = request.POST.get("token", "")[:64]
    held = cache.get(_held_key(request, radar, token)) if token else None
    if held is None:
        messages.error(request, "The uploaded file has expired: upload it again.")
        return redirect("radars:import", pk=radar.pk)
    try:
        parsed, dates = parse(held["kind"], held["data"], radar)
        editions = common.commit(radar=radar, actor=request.user, parsed=parsed, dates=dates)
    except ImportRefused as error:
        messages.error(request, str(error))
        return redirect("radars:import", pk=radar.pk)
    cache.delete(_held_key(request, radar, token))
    messages.success(request, f"Imported {parsed.row_count} rows into {len(editions)} edition(s); "
                              f"{len(parsed.problems)} row(s) not taken. The newest edition is a draft.")
    return redirect(f"{reverse('radars:radar', args=[radar.pk])}?edition={editions[-1].pk}")


EXPORTS = {
    "byor-csv": ("BYOR CSV", "text/csv; charset=utf-8", "csv", True),
    "byor-json": ("BYOR JSON", "application/json", "json", True),
    "zalando": ("Zalando JSON", "application/json", "json", True),
    "backstage": ("Backstage JSON (the full timeline)", "application/json", "json", False),
    "campus": ("Our JSON (every edition)", "application/json", "json", False),
}


def _exports(radar) -> list[tuple[str, str]]:
    return [(reverse("radars:export", args=[radar.pk, kind]), label) for kind, (label, *_rest) in EXPORTS.items()]


@require_GET
@participant_page
def export(request, pk: int, kind: str):
    radar = radar_or_404(request.user, pk)
    if kind not in EXPORTS:
        raise Http404("No such format.")
    label, content_type, extension, one_edition = EXPORTS[kind]
    edition = choose_edition(selectors.editions_of(radar), request.GET.get("edition", ""))
    if one_edition and edition is None:
        raise Http404("This radar has no edition.")
    body = {"byor-csv": lambda: exporters.byor_csv(edition), "byor-json": lambda: exporters.byor_json(edition),
            "zalando": lambda: exporters.zalando_json(edition), "backstage": lambda: exporters.backstage_json(radar),
            "campus": lambda: exporters.own_json(radar)}[kind]()
    name = slugify(radar.title) or "radar"
    suffix = f"-{slugify(edition.name)}" if one_edition else ""
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}{suffix}-{kind}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    path("<int:pk>/import/", import_page, name="import"),
    path("<int:pk>/import/commit/", import_commit, name="import_commit"),
    path("<int:pk>/export/<slug:kind>/", export, name="export"),
]
