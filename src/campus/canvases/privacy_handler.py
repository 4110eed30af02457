"""What the canvases hold about a person, for subject access and erasure (registered in plugin.py).

Export: every canvas the person made (with notes, versions and comments) and every comment they wrote elsewhere.
Erasure: their own canvases (owner kind "participant") deleted; a coaching group's or the cohort's canvas kept,
with the person removed as maker, note author, version saver; their comments elsewhere kept without author."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, plural

from . import services
from .models import Canvas, Comment, Item


def _export_canvas(canvas: Canvas) -> dict:
    return {
        "title": canvas.title, "type": canvas.canvas_type.title, "description": canvas.description,
        "owner": canvas.get_owner_kind_display(), "visibility": services.audience_of(canvas),
        "public_link": bool(canvas.public_token), "made_at": iso(canvas.created_at),
        "notes": [{"box": i.box.title, "text": i.text, "colour": i.colour} for i in
                  canvas.items.select_related("box").order_by("box__order", "position", "id")],
        "versions": [{"number": v.number, "note": v.note, "saved_at": iso(v.saved_at), "snapshot": v.snapshot}
                     for v in canvas.versions.order_by("number")],
        "comments": [{"body": c.body, "feedback": c.is_feedback, "at": iso(c.created_at)}
                     for c in canvas.comments.order_by("created_at", "id")],
    }


class CanvasesHandler(PrivacyHandler):
    key, order = "canvases", 76

    def export(self, person: Person):
        user = person.user
        if user is None:
            return {}, []
        canvases = list(Canvas.objects.filter(owner=user).select_related("canvas_type").order_by("id"))
        notes = list(Item.objects.filter(author=user).exclude(canvas__owner=user).select_related("canvas", "box"))
        comments = list(Comment.objects.filter(author=user).exclude(canvas__owner=user).select_related("canvas"))
        if not (canvases or notes or comments):
            return {}, []
        return {"canvases": {
            "canvases": [_export_canvas(c) for c in canvases],
            "notes_on_other_canvases": [{"canvas": i.canvas.title, "box": i.box.title, "text": i.text}
                                        for i in notes],
            "comments_on_other_canvases": [{"canvas": c.canvas.title, "body": c.body, "at": iso(c.created_at)}
                                           for c in comments],
        }}, []

    def summary(self, subject) -> dict:
        user = getattr(subject, "user", None)
        return {"canvases": Canvas.objects.filter(owner=user).count()} if user is not None else {}

    def plan(self, person: Person):
        user = person.user
        if user is None:
            return None
        return {"user": user, "delete": Canvas.objects.filter(owner=user, owner_kind="participant").count(),
                "keep": Canvas.objects.filter(owner=user).exclude(owner_kind="participant").count(),
                "comments": Comment.objects.filter(author=user).count()}

    def describe(self, part, person: Person):
        if not part or not (part["delete"] or part["keep"] or part["comments"]):
            return []
        return [Section("Strategy canvases", "their own canvases deleted; group and cohort canvases and comments "
                        "elsewhere kept without them",
                        [f"canvases deleted: {part['delete']}", f"canvases kept without them: {part['keep']}",
                         plural(part["comments"], "comment")], order=76)]

    def erase(self, part, person: Person) -> dict:
        if not part:
            return {}
        return services.forget_person(user=part["user"])
