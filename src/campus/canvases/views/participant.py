"""The participant's canvases under /me/canvases/: the list and a new canvas, one canvas (the grid of boxes with
sticky notes), its details, its notes (add, edit, delete, move up/down or to another box: plain forms that work
without JavaScript), its deletion. A canvas the person may not see answers 404; one they may see but not edit
answers 404 on every editing URL."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.cohort.access import participant_page

from .. import selectors, services
from ..forms import CanvasForm, DetailsForm, ItemForm
from .common import canvas_context, canvas_or_404, item_or_404


@require_http_methods(["GET", "POST"])
@participant_page
def home(request):
    types, groups = selectors.types_offered(), selectors.groups_of(request.user)
    form = CanvasForm(request.POST or None, types=types, groups=groups)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind = next(t for t in types if t.pk == data["canvas_type"])
        group = next((g for g in groups if g.pk == data.get("group")), None)
        try:
            canvas = services.create_canvas(actor=request.user, edition=request.participant.edition,
                                            canvas_type=kind, title=data["title"], owner_kind=data["owner_kind"],
                                            group=group)
        except services.CanvasError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The canvas is made. Add your notes to its boxes.")
            return redirect("canvases:canvas", pk=canvas.pk)
    canvases = list(selectors.canvases_for(request.user))
    for canvas in canvases:
        canvas.audience_label = dict(services.Audience.CHOICES)[services.audience_of(canvas)]
    return render(request, "canvases/home.html", {"canvases": canvases, "form": form})


@require_GET
@participant_page
def canvas(request, pk: int):
    found = canvas_or_404(request.user, pk)
    return render(request, "canvases/canvas.html", canvas_context(request.user, found))


@require_http_methods(["GET", "POST"])
@participant_page
def details(request, pk: int):
    found = canvas_or_404(request.user, pk, edit=True)
    form = DetailsForm(request.POST or None, initial={"title": found.title, "description": found.description})
    if request.method == "POST" and form.is_valid():
        services.update_canvas(canvas=found, actor=request.user, **form.cleaned_data)
        messages.success(request, "The canvas's title and description are saved.")
        return redirect("canvases:canvas", pk=found.pk)
    return render(request, "canvases/details.html", {"canvas": found, "form": form})


@require_POST
@participant_page
def delete(request, pk: int):
    found = canvas_or_404(request.user, pk, edit=True)
    if request.POST.get("confirm") != "yes":
        messages.error(request, "Tick the box to confirm that the canvas and all its versions go.")
        return redirect("canvases:details", pk=found.pk)
    services.delete_canvas(canvas=found, actor=request.user)
    messages.success(request, "The canvas is deleted.")
    return redirect("canvases:home")


@require_POST
@participant_page
def item_add(request, pk: int):
    found = canvas_or_404(request.user, pk, edit=True)
    boxes = selectors.boxes_with_items(found)
    box_id = request.POST.get("box", "")
    form = ItemForm(request.POST, boxes=boxes, auto_id=f"box{box_id}-%s" if box_id.isdigit() else "id_%s")
    if form.is_valid():
        try:
            services.add_item(canvas=found, actor=request.user, box_id=form.cleaned_data["box"],
                              text=form.cleaned_data["text"], colour=form.cleaned_data["colour"])
        except services.CanvasError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, "The note is added.")
            return redirect(f"{found_url(found)}#box-{form.cleaned_data['box']}")
    return render(request, "canvases/canvas.html", canvas_context(request.user, found, add_form=form), status=400)


def found_url(canvas) -> str:
    from django.urls import reverse

    return reverse("canvases:canvas", args=[canvas.pk])


@require_http_methods(["GET", "POST"])
@participant_page
def item_edit(request, pk: int):
    item = item_or_404(request.user, pk)
    boxes = selectors.boxes_with_items(item.canvas)
    form = ItemForm(request.POST or None, boxes=boxes,
                    initial={"text": item.text, "colour": item.colour, "box": item.box_id})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_item(item=item, actor=request.user, text=data["text"], colour=data["colour"])
            if data["box"] != item.box_id:
                services.move_item(item=item, actor=request.user, box_id=data["box"])
        except services.CanvasError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The note is saved.")
            return redirect(f"{found_url(item.canvas)}#note-{item.pk}")
    return render(request, "canvases/item.html", {"item": item, "canvas": item.canvas, "form": form})


@require_POST
@participant_page
def item_delete(request, pk: int):
    item = item_or_404(request.user, pk)
    canvas_ = item.canvas
    services.delete_item(item=item, actor=request.user)
    messages.success(request, "The note is deleted.")
    return redirect(f"{found_url(canvas_)}#box-{item.box_id}")


@require_POST
@participant_page
def item_move(request, pk: int):
    item = item_or_404(request.user, pk)
    direction, box = request.POST.get("direction", ""), request.POST.get("box", "")
    try:
        services.move_item(item=item, actor=request.user, direction=direction,
                           box_id=int(box) if box.isdigit() else None)
    except services.CanvasError as error:
        messages.error(request, str(error))
    else:
        where = {"up": "up", "down": "down"}.get(direction)
        messages.success(request, f"The note moved {where}." if where else f"The note moved to {item.box.title}.")
    return redirect(f"{found_url(item.canvas)}#note-{item.pk}")
