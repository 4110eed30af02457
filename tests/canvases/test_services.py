import json

import pytest

from campus.canvases import compare, permissions, selectors, services, transfer
from campus.canvases.models import Canvas, CanvasType, Comment, Item, Version
from campus.communications.models import OutboxMessage

from .conftest import box

pytestmark = pytest.mark.django_db


def test_shipped_types_have_their_boxes():
    counts = {t.key: t.boxes.count() for t in CanvasType.objects.all()}
    assert counts == {"swot": 4, "business-model": 9, "pestel": 6, "five-forces": 5, "stakeholder-map": 4,
                      "value-proposition": 6}
    bmc = CanvasType.objects.get(key="business-model")
    vp = bmc.boxes.get(key="value-propositions")
    assert (vp.row, vp.column, vp.row_span, vp.column_span) == (1, 5, 2, 2)
    assert all(b.prompt for b in bmc.boxes.all())


def test_move_up_down_and_to_another_box(swot, people):
    alice = people["alice"]
    strengths = box(swot, "strengths")
    second = services.add_item(canvas=swot, actor=alice, box_id=strengths.pk, text="Good lab")
    services.move_item(item=second, actor=alice, direction="up")
    assert [i.text for i in Item.objects.filter(canvas=swot, box=strengths).order_by("position")] == \
        ["Good lab", "Strong members"]
    services.move_item(item=Item.objects.get(pk=second.pk), actor=alice, direction="up")  # at the top: no change
    assert Item.objects.filter(canvas=swot, box=strengths).order_by("position").first().pk == second.pk
    threats = box(swot, "threats")
    services.move_item(item=Item.objects.get(pk=second.pk), actor=alice, box_id=threats.pk)
    assert [i.text for i in Item.objects.filter(canvas=swot, box=threats).order_by("position")] == \
        ["Rival cluster", "Good lab"]
    other_type_box = CanvasType.objects.get(key="pestel").boxes.first()
    with pytest.raises(services.CanvasError):
        services.move_item(item=Item.objects.get(pk=second.pk), actor=alice, box_id=other_type_box.pk)


def test_bad_notes_are_refused(swot, people):
    with pytest.raises(services.CanvasError):
        services.add_item(canvas=swot, actor=people["alice"], box_id=box(swot, "strengths").pk, text="  ")
    with pytest.raises(services.CanvasError):
        services.add_item(canvas=swot, actor=people["alice"], box_id=box(swot, "strengths").pk, text="x",
                          colour="red")


def test_versions_and_compare(swot, people):
    alice = people["alice"]
    v1 = services.save_version(canvas=swot, actor=alice, note="first")
    changed = Item.objects.get(canvas=swot, text="Thin staff")
    services.update_item(item=changed, actor=alice, text="Two people only", colour="pink")
    moved = Item.objects.get(canvas=swot, text="EU funding")
    services.move_item(item=moved, actor=alice, box_id=box(swot, "strengths").pk)
    services.delete_item(item=Item.objects.get(canvas=swot, text="Rival cluster"), actor=alice)
    services.add_item(canvas=swot, actor=alice, box_id=box(swot, "threats").pk, text="Funding ends")
    v2 = services.save_version(canvas=swot, actor=alice)
    assert (v1.number, v2.number) == (1, 2)
    rows = {r["key"]: r for r in compare.compare(v1.snapshot, v2.snapshot)}
    assert [i["text"] for i in rows["strengths"]["moved"]] == ["EU funding"]
    assert rows["strengths"]["moved"][0]["from"] == "Opportunities"
    assert [i["before"] for i in rows["weaknesses"]["changed"]] == ["Thin staff"]
    assert [i["text"] for i in rows["threats"]["removed"]] == ["Rival cluster"]
    assert [i["text"] for i in rows["threats"]["added"]] == ["Funding ends"]
    assert rows["opportunities"]["count"] == 0
    # the kept snapshot does not change when the canvas does
    services.update_item(item=changed, actor=alice, text="Later", colour="pink")
    assert "Two people only" in json.dumps(Version.objects.get(pk=v2.pk).snapshot)


def test_sharing_with_module_leads_only(swot, people):
    lead, bob, carol, manager = people["lead"], people["bob"], people["carol"], people["manager"]
    assert not permissions.can_view(lead, swot) and not permissions.can_view(bob, swot)
    services.share(canvas=swot, actor=people["alice"], audience="leads")
    swot.refresh_from_db()
    assert swot.shared_with_leads and swot.visibility == "private"
    assert permissions.can_view(lead, swot) and permissions.can_view(manager, swot)
    assert not permissions.can_view(bob, swot) and not permissions.can_view(carol, swot)
    assert not permissions.can_edit(lead, swot)
    assert list(permissions.visible_to(lead, Canvas.objects.all())) == [swot]
    assert list(permissions.visible_to(bob, Canvas.objects.all())) == []
    assert list(permissions.visible_to(people["dan"], Canvas.objects.all())) == []
    services.share(canvas=swot, actor=people["alice"], audience="group", group=people["g1"])
    swot.refresh_from_db()
    assert not swot.shared_with_leads and permissions.can_view(bob, swot) and not permissions.can_view(carol, swot)
    services.share(canvas=swot, actor=people["alice"], audience="private")
    assert not permissions.can_view(people["lead"], Canvas.objects.get(pk=swot.pk))


def test_lead_feedback_is_mailed_to_the_owner(swot, people, django_capture_on_commit_callbacks):
    services.share(canvas=swot, actor=people["alice"], audience="leads")
    with django_capture_on_commit_callbacks(execute=False):
        comment = services.add_comment(canvas=swot, author=people["lead"], body="Add a threat about skills.")
    assert comment.is_feedback
    message = OutboxMessage.objects.get(event="canvas_feedback")
    assert message.recipient == people["alice"] and "Alice SWOT" in message.subject
    own = services.add_comment(canvas=swot, author=people["alice"], body="Thanks!")
    assert not own.is_feedback and OutboxMessage.objects.count() == 1
    with pytest.raises(services.CanvasError):
        services.add_comment(canvas=swot, author=people["bob"], body="Sneaky")


def test_export_and_import_with_a_report(swot, people, edition):
    data = transfer.export(swot, list(swot.canvas_type.boxes.all()), selectors.items_in_order(swot))
    data["boxes"].append({"key": "nowhere", "items": [{"text": "lost"}]})
    data["boxes"][0]["items"].append({"text": "", "colour": "yellow"})
    data["boxes"][1]["items"].append({"text": "odd colour", "colour": "ultraviolet"})
    plan, report = transfer.read(json.dumps(data).encode(), selectors.types_by_key())
    canvas = services.import_canvas(actor=people["bob"], edition=edition, plan=plan)
    assert canvas.items.count() == 5 and canvas.owner == people["bob"] and canvas.visibility == "private"
    assert len(report) == 3 and any("nowhere" in line for line in report)
    for bad in (b"not json", b"[1, 2]", json.dumps({"type": "nope"}).encode(), b"\xff\xfe"):
        with pytest.raises(transfer.ImportRefused):
            transfer.read(bad, selectors.types_by_key())


def test_erasure_deletes_own_canvases_and_keeps_group_ones(swot, people, edition, swot_type):
    alice = people["alice"]
    group = services.create_canvas(actor=alice, edition=edition, canvas_type=swot_type, title="G1",
                                   owner_kind="group", group=people["g1"])
    services.add_item(canvas=group, actor=alice, box_id=box(group, "threats").pk, text="Mine on the group's")
    services.share(canvas=group, actor=alice, audience="group")
    services.add_comment(canvas=group, author=people["bob"], body="Nice")
    result = services.forget_person(user=alice)
    assert not Canvas.objects.filter(pk=swot.pk).exists()
    group.refresh_from_db()
    assert group.owner is None and group.items.get().author is None
    assert result["canvases_deleted"] == 1
    assert Comment.objects.get().author == people["bob"]
