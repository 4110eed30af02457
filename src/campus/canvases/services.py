"""The only place that changes canvases: keyword-only arguments, one transaction each, an activity-log entry, the
feedback mail queued once the transaction commits. Who may call them is the views' job (``permissions.py``)."""

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from campus.core.activity import log_activity
from campus.radars import sharing

from . import compare, permissions
from .models import COLOURS, Canvas, CanvasBox, Comment, Item, Version

FEEDBACK_EVENT = "canvas_feedback"
COLOUR_KEYS = {key for key, _ in COLOURS}


class Audience:
    PRIVATE, GROUP, LEADS, COHORT = "private", "group", "leads", "cohort"
    CHOICES = [(PRIVATE, "Private (only the owners)"), (GROUP, "My coaching group"),
               (LEADS, "The module leads of my edition (and the owners)"), (COHORT, "The whole cohort")]


class CanvasError(Exception):
    """A refusal the person reads (shown on the form)."""


def audience_of(canvas) -> str:
    if canvas.shared_with_leads:
        return Audience.LEADS
    return canvas.visibility


def create_canvas(*, actor, edition, canvas_type, title: str, description: str = "", owner_kind: str = "participant",
                  group=None) -> Canvas:
    if not canvas_type.active:
        raise CanvasError("This canvas type is no longer offered.")
    try:
        sharing.check_owner(actor=actor, owner_kind=owner_kind, edition=edition, group=group)
    except sharing.SharingError as error:
        raise CanvasError(str(error)) from error
    with transaction.atomic():
        canvas = Canvas.objects.create(canvas_type=canvas_type, title=title.strip(), description=description,
                                       owner_kind=owner_kind, owner=actor, edition=edition,
                                       group=group if owner_kind == "group" else None)
        if owner_kind == "cohort":
            sharing.set_visibility(canvas, visibility="cohort")
        log_activity(action="canvases.created", target=canvas, actor=actor, type=canvas_type.key)
    return canvas


def update_canvas(*, canvas: Canvas, actor, title: str, description: str = "") -> Canvas:
    canvas.title, canvas.description = title.strip(), description
    with transaction.atomic():
        canvas.save(update_fields=["title", "description", "updated_at"])
        log_activity(action="canvases.updated", target=canvas, actor=actor)
    return canvas


def delete_canvas(*, canvas: Canvas, actor) -> None:
    with transaction.atomic():
        log_activity(action="canvases.deleted", target=canvas, actor=actor, title=canvas.title)
        canvas.delete()


def _touch(canvas) -> None:
    Canvas.objects.filter(pk=canvas.pk).update(updated_at=timezone.now())


def _box_of(canvas, box_id) -> CanvasBox:
    box = CanvasBox.objects.filter(pk=box_id, canvas_type_id=canvas.canvas_type_id).first()
    if box is None:
        raise CanvasError("Choose a box of this canvas.")
    return box


def _clean(text: str, colour: str) -> tuple[str, str]:
    text = (text or "").strip()
    if not text:
        raise CanvasError("Write the note's text.")
    if len(text) > 1000:
        raise CanvasError("A note holds at most 1,000 characters.")
    if colour not in COLOUR_KEYS:
        raise CanvasError("Choose a colour from the list.")
    return text, colour


def add_item(*, canvas: Canvas, actor, box_id: int, text: str, colour: str = "yellow") -> Item:
    text, colour = _clean(text, colour)
    with transaction.atomic():
        Canvas.objects.select_for_update().filter(pk=canvas.pk).first()
        box = _box_of(canvas, box_id)
        last = Item.objects.filter(canvas=canvas, box=box).aggregate(m=Max("position"))["m"]
        item = Item.objects.create(canvas=canvas, box=box, text=text, colour=colour, author=actor,
                                   position=0 if last is None else last + 1)
        _touch(canvas)
        log_activity(action="canvases.item_added", target=canvas, actor=actor, box=box.key)
    return item


def update_item(*, item: Item, actor, text: str, colour: str) -> Item:
    item.text, item.colour = _clean(text, colour)
    with transaction.atomic():
        item.save(update_fields=["text", "colour", "updated_at"])
        _touch(item.canvas)
        log_activity(action="canvases.item_changed", target=item.canvas, actor=actor, item=item.pk)
    return item


def delete_item(*, item: Item, actor) -> None:
    with transaction.atomic():
        log_activity(action="canvases.item_deleted", target=item.canvas, actor=actor, item=item.pk)
        _touch(item.canvas)
        item.delete()


def move_item(*, item: Item, actor, direction: str = "", box_id=None) -> Item:
    """``direction`` "up" or "down" swaps the note with its neighbour in the box; ``box_id`` puts it last in
    another box of the canvas. At the top (bottom) of its box, up (down) changes nothing."""
    with transaction.atomic():
        Canvas.objects.select_for_update().filter(pk=item.canvas_id).first()
        siblings = list(Item.objects.filter(canvas_id=item.canvas_id, box_id=item.box_id).order_by("position", "id"))
        if box_id is not None and str(box_id) != str(item.box_id):
            box = _box_of(item.canvas, box_id)
            last = Item.objects.filter(canvas_id=item.canvas_id, box=box).aggregate(m=Max("position"))["m"]
            item.box, item.position = box, 0 if last is None else last + 1
            item.save(update_fields=["box", "position", "updated_at"])
        elif direction in ("up", "down"):
            index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
            other = index - 1 if direction == "up" else index + 1
            if 0 <= other < len(siblings):
                siblings[index], siblings[other] = siblings[other], siblings[index]
                for position, sibling in enumerate(siblings):
                    if sibling.position != position:
                        Item.objects.filter(pk=sibling.pk).update(position=position)
                item.position = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
        elif box_id is None:
            raise CanvasError("Choose where to move the note.")
        _touch(item.canvas)
        log_activity(action="canvases.item_moved", target=item.canvas, actor=actor, item=item.pk,
                     direction=direction, box=item.box_id)
    return item


def save_version(*, canvas: Canvas, actor, note: str = "") -> Version:
    """Keep a snapshot of the items now; every version is kept (numbered 1, 2, …)."""
    with transaction.atomic():
        Canvas.objects.select_for_update().filter(pk=canvas.pk).first()
        boxes = list(canvas.canvas_type.boxes.all())
        items = list(canvas.items.order_by("box__order", "position", "id"))
        number = (canvas.versions.aggregate(m=Max("number"))["m"] or 0) + 1
        version = Version.objects.create(canvas=canvas, number=number, note=(note or "").strip()[:300],
                                         snapshot=compare.snapshot(canvas, boxes, items), saved_by=actor)
        log_activity(action="canvases.version_saved", target=canvas, actor=actor, number=number)
    return version


def share(*, canvas: Canvas, actor, audience: str, group=None) -> Canvas:
    """Who sees the canvas: private, a coaching group, the module leads of the edition, or the whole cohort."""
    if audience not in dict(Audience.CHOICES):
        raise CanvasError("Choose who can see it.")
    visibility = Audience.PRIVATE if audience == Audience.LEADS else audience
    with transaction.atomic():
        try:
            sharing.set_visibility(canvas, visibility=visibility, group=group)
        except sharing.SharingError as error:
            raise CanvasError(str(error)) from error
        canvas.shared_with_leads = audience == Audience.LEADS
        canvas.save(update_fields=["shared_with_leads", "updated_at"])
        log_activity(action="canvases.shared", target=canvas, actor=actor, audience=audience)
    return canvas


def open_public_link(*, canvas: Canvas, actor) -> str:
    with transaction.atomic():
        token = sharing.open_public_link(canvas)
        log_activity(action="canvases.public_link_opened", target=canvas, actor=actor)
    return token


def revoke_public_link(*, canvas: Canvas, actor) -> None:
    with transaction.atomic():
        sharing.close_public_link(canvas)
        log_activity(action="canvases.public_link_revoked", target=canvas, actor=actor)


def add_comment(*, canvas: Canvas, author, body: str) -> Comment:
    """A comment of someone who sees the canvas; a lead's (or manager's) of the edition is feedback, and the
    owners are told by mail once the transaction commits."""
    body = (body or "").strip()
    if not body:
        raise CanvasError("Write your comment.")
    if len(body) > 5000:
        raise CanvasError("A comment holds at most 5,000 characters.")
    if not permissions.can_comment(author, canvas):
        raise CanvasError("You cannot comment on this canvas.")
    feedback = permissions.is_lead(author, canvas.edition_id)
    with transaction.atomic():
        comment = Comment.objects.create(canvas=canvas, author=author, body=body, is_feedback=feedback)
        log_activity(action="canvases.commented", target=canvas, actor=author, feedback=feedback)
        if feedback:
            _mail_feedback(comment, actor=author)
    return comment


def _owners(canvas) -> list:
    if canvas.owner_kind == "group" and canvas.group_id:
        from campus.coaching.models import GroupMember

        return [m.participant.user for m in GroupMember.objects.filter(group_id=canvas.group_id)
                .select_related("participant__user")]
    return [canvas.owner] if canvas.owner_id else []


def _mail_feedback(comment: Comment, *, actor) -> None:
    from campus.communications import services as outbox

    canvas = comment.canvas
    for user in _owners(canvas):
        if user.pk == actor.pk:
            continue
        outbox.compose(
            event=FEEDBACK_EVENT, edition=canvas.edition, to_user=user,
            context={"name": user.full_name, "canvas": canvas.title, "lead": actor.full_name or actor.email,
                     "canvas_url": outbox.site_url() + reverse("canvases:canvas", args=[canvas.pk])},
            dedupe_key=f"{FEEDBACK_EVENT}:{comment.pk}:{user.pk}", related=canvas, actor=actor, send=True)


def import_canvas(*, actor, edition, plan: dict) -> Canvas:
    """A new canvas of the person from a read file (``transfer.read``'s plan)."""
    with transaction.atomic():
        canvas = create_canvas(actor=actor, edition=edition, canvas_type=plan["type"], title=plan["title"],
                               description=plan["description"])
        positions: dict[int, int] = {}
        rows = []
        for box, text, colour in plan["items"]:
            positions[box.pk] = positions.get(box.pk, -1) + 1
            rows.append(Item(canvas=canvas, box=box, text=text, colour=colour, author=actor,
                             position=positions[box.pk]))
        Item.objects.bulk_create(rows)
        log_activity(action="canvases.imported", target=canvas, actor=actor, items=len(rows))
    return canvas


def forget_person(*, user) -> dict:
    """Erasure: the person's own canvases deleted (with items, versions, comments); on a group's or the
    cohort's canvas their notes, versions and comments stay without them; their comments elsewhere too."""
    with transaction.atomic():
        own = Canvas.objects.filter(owner=user, owner_kind="participant")
        canvases = own.count()
        own.delete()
        kept = Canvas.objects.filter(owner=user).update(owner=None)
        items = Item.objects.filter(author=user).update(author=None)
        comments = Comment.objects.filter(author=user).update(author=None)
        versions = Version.objects.filter(saved_by=user).update(saved_by=None)
    result = {"canvases_deleted": canvases, "canvases_kept_without_maker": kept, "items_kept_without_author": items,
              "comments_kept_without_author": comments, "versions_kept_without_author": versions}
    return {k: v for k, v in result.items() if v}
