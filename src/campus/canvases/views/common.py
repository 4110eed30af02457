"""Helpers shared by the canvas views: the canvas or item a person may see or edit (else 404), and the context of
the canvas page."""

from django.http import Http404

from .. import permissions, selectors
from ..forms import CommentForm, ItemForm


def canvas_or_404(user, pk: int, *, edit: bool = False):
    found = selectors.canvas(pk)
    allowed = permissions.can_edit if edit else permissions.can_view
    if found is None or not allowed(user, found):
        raise Http404("No such canvas.")
    return found


def item_or_404(user, pk: int):
    found = selectors.item(pk)
    if found is None or not permissions.can_edit(user, found.canvas):
        raise Http404("No such note.")
    return found


def canvas_context(user, canvas, *, add_form=None, comment_form=None, editable=True) -> dict:
    """The grid (boxes with their notes), a note form per box (the refused one kept, with its errors), the
    comments and the comment form."""
    boxes = selectors.boxes_with_items(canvas)
    can_edit = editable and permissions.can_edit(user, canvas)
    if can_edit:
        for box in boxes:
            if add_form is not None and str(add_form.data.get("box")) == str(box.pk):
                box.form = add_form
            else:
                box.form = ItemForm(boxes=boxes, auto_id=f"box{box.pk}-%s", initial={"box": box.pk})
    placed = any(getattr(box, "form", None) is add_form for box in boxes)
    lost = add_form is not None and add_form.errors and not placed  # e.g. a box not of this canvas
    return {"canvas": canvas, "boxes": boxes, "can_edit": can_edit, "add_error": "Choose a box of this canvas "
            "for the note." if lost else "", "comments": selectors.comments(canvas),
            "comment_form": comment_form or CommentForm(),
            "can_comment": permissions.can_comment(user, canvas) if user is not None else False,
            "move_targets": [(b.pk, b.title) for b in boxes]}
