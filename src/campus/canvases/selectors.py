"""Reads of canvases in a fixed number of queries: the lists, one canvas with its boxes and items, its versions,
its comments, the types offered, the staff overview."""

from django.db.models import Count, Prefetch

from campus.coaching.models import CoachingGroup
from campus.radars import sharing

from . import permissions
from .models import Canvas, CanvasBox, CanvasType, Comment, Item, Version


def canvases_for(user):
    qs = Canvas.objects.select_related("canvas_type", "group", "owner", "edition")
    return permissions.visible_to(user, qs).annotate(item_count=Count("items")).order_by("-updated_at", "-id")


def canvas(pk: int) -> Canvas | None:
    return Canvas.objects.filter(pk=pk).select_related("canvas_type", "group", "owner", "edition").first()


def by_token(token: str) -> Canvas | None:
    return sharing.by_public_token(Canvas.objects.select_related("canvas_type", "group", "owner"), token)


def types_offered() -> list[CanvasType]:
    return list(CanvasType.objects.filter(active=True).order_by("order", "title"))


def types_by_key() -> dict:
    boxes = Prefetch("boxes", queryset=CanvasBox.objects.order_by("order", "id"))
    return {t.key: t for t in CanvasType.objects.prefetch_related(boxes)}


def boxes_with_items(canvas_) -> list[CanvasBox]:
    """The boxes of the canvas's type, each with ``notes``: its items in order (two queries)."""
    boxes = list(CanvasBox.objects.filter(canvas_type_id=canvas_.canvas_type_id).order_by("order", "id"))
    notes: dict[int, list] = {}
    for item in Item.objects.filter(canvas=canvas_).order_by("position", "id"):
        notes.setdefault(item.box_id, []).append(item)
    for box in boxes:
        box.notes = notes.get(box.pk, [])
        for i, note in enumerate(box.notes):
            note.first, note.last = i == 0, i == len(box.notes) - 1
    return boxes


def items_in_order(canvas_) -> list[Item]:
    return list(Item.objects.filter(canvas=canvas_).order_by("box__order", "position", "id"))


def item(pk: int) -> Item | None:
    return Item.objects.filter(pk=pk).select_related("canvas", "canvas__canvas_type", "box").first()


def versions(canvas_) -> list[Version]:
    return list(Version.objects.filter(canvas=canvas_).select_related("saved_by").defer("snapshot")
                .order_by("-number"))


def version(canvas_, number) -> Version | None:
    try:
        number = int(number)
    except (TypeError, ValueError):
        return None
    return Version.objects.filter(canvas=canvas_, number=number).first()


def comments(canvas_) -> list[Comment]:
    return list(Comment.objects.filter(canvas=canvas_).select_related("author").order_by("created_at", "id"))


def groups_of(user) -> list[CoachingGroup]:
    return list(CoachingGroup.objects.filter(pk__in=sharing.group_ids(user)).select_related("round")
                .order_by("number"))


def cohort_canvases(user):
    """The staff overview: the canvases of the editions the user leads or manages that the leads may see (shared
    with the leads, a group or the cohort, or owned by a group or the cohort); never a private one."""
    from django.db.models import Q

    leads = sharing.lead_ids(user)
    rule = (Q(shared_with_leads=True) | Q(visibility__in=["group", "cohort"])
            | Q(owner_kind__in=["group", "cohort"]))
    return (Canvas.objects.filter(rule, edition_id__in=leads)
            .select_related("canvas_type", "group", "owner", "edition__programme")
            .annotate(item_count=Count("items", distinct=True), comment_count=Count("comments", distinct=True))
            .order_by("-updated_at", "-id"))
