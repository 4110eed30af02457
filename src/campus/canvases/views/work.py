"""The canvas's versions (save, list, compare two), its sharing (audience, public link), its comments, and the
JSON export and import. Same rules as views/participant.py: 404 for a canvas the person may not see or edit."""

import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.cohort.access import participant_page
from campus.radars import sharing

from .. import compare, permissions, selectors, services, transfer
from ..forms import CommentForm, ImportForm, SharingForm, VersionForm
from .common import canvas_context, canvas_or_404


@require_http_methods(["GET", "POST"])
@participant_page
def versions(request, pk: int):
    found = canvas_or_404(request.user, pk)
    can_edit = permissions.can_edit(request.user, found)
    form = VersionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        found = canvas_or_404(request.user, pk, edit=True)
        if form.is_valid():
            version = services.save_version(canvas=found, actor=request.user, note=form.cleaned_data["note"])
            messages.success(request, f"Version {version.number} is saved.")
            return redirect("canvases:versions", pk=found.pk)
    return render(request, "canvases/versions.html", {"canvas": found, "versions": selectors.versions(found),
                                                      "form": form, "can_edit": can_edit})


@require_GET
@participant_page
def compare_versions(request, pk: int):
    found = canvas_or_404(request.user, pk)
    older, newer = selectors.version(found, request.GET.get("a")), request.GET.get("b", "now")
    newer_version = None if newer == "now" else selectors.version(found, newer)
    error = ""
    rows = []
    if older is None or (newer != "now" and newer_version is None):
        error = "Choose two versions to compare."
    else:
        now = compare.snapshot(found, list(found.canvas_type.boxes.all()), selectors.items_in_order(found))
        rows = compare.compare(older.snapshot, newer_version.snapshot if newer_version else now)
    return render(request, "canvases/compare.html", {
        "canvas": found, "versions": selectors.versions(found), "older": older, "newer": newer_version,
        "b": newer, "rows": rows, "changes": sum(r["count"] for r in rows), "error": error},
        status=400 if error and "a" in request.GET else 200)


@require_http_methods(["GET", "POST"])
@participant_page
def sharing_page(request, pk: int):
    found = canvas_or_404(request.user, pk, edit=True)
    groups = selectors.groups_of(request.user)
    form = SharingForm(request.POST or None, groups=groups,
                       initial={"audience": services.audience_of(found), "group": found.group_id})
    action = request.POST.get("action", "")
    if request.method == "POST" and action in ("open_link", "revoke_link"):
        if action == "open_link":
            services.open_public_link(canvas=found, actor=request.user)
            messages.warning(request, "The public link is made. Anyone who has it can read the canvas.")
        else:
            services.revoke_public_link(canvas=found, actor=request.user)
            messages.success(request, "The public link is revoked: it no longer opens the canvas.")
        return redirect("canvases:sharing", pk=found.pk)
    if request.method == "POST" and form.is_valid():
        wanted = form.cleaned_data.get("group")
        group = next((g for g in groups if g.pk == wanted), groups[0] if len(groups) == 1 else None)
        try:
            services.share(canvas=found, actor=request.user, audience=form.cleaned_data["audience"], group=group)
        except services.CanvasError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Who can see the canvas is saved.")
            return redirect("canvases:sharing", pk=found.pk)
    public_url = (request.build_absolute_uri(reverse("canvases_public:canvas", args=[found.public_token]))
                  if found.public_token else "")
    return render(request, "canvases/sharing.html", {
        "canvas": found, "form": form, "public_url": public_url, "warning": sharing.PUBLIC_LINK_WARNING,
        "owner_label": sharing.owner_label(found)})


@require_POST
@participant_page
def comment(request, pk: int):
    found = canvas_or_404(request.user, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(canvas=found, author=request.user, body=form.cleaned_data["body"])
        except services.CanvasError as error:
            form.add_error("body", str(error))
        else:
            messages.success(request, "Your comment is posted.")
            return redirect(reverse("canvases:canvas", args=[found.pk]) + "#comments")
    return render(request, "canvases/canvas.html", canvas_context(request.user, found, comment_form=form),
                  status=400)


@require_GET
@participant_page
def export(request, pk: int):
    found = canvas_or_404(request.user, pk)
    data = transfer.export(found, list(found.canvas_type.boxes.all()), selectors.items_in_order(found))
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    name = slugify(found.title)[:60] or "canvas"
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@require_http_methods(["GET", "POST"])
@participant_page
def import_canvas(request):
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            raw = upload.read(transfer.MAX_BYTES + 1)
            plan, report = transfer.read(raw, selectors.types_by_key())
        except transfer.ImportRefused as error:
            form.add_error("file", str(error))
        else:
            canvas = services.import_canvas(actor=request.user, edition=request.participant.edition, plan=plan)
            request.session[f"canvas-import-{canvas.pk}"] = report
            messages.success(request, f"The canvas is imported with {len(plan['items'])} note(s).")
            return redirect("canvases:imported", pk=canvas.pk)
    return render(request, "canvases/import.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
@participant_page
def imported(request, pk: int):
    found = canvas_or_404(request.user, pk)
    report = request.session.get(f"canvas-import-{found.pk}", [])
    return render(request, "canvases/imported.html", {"canvas": found, "report": report})
