import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campus.canvases import services
from campus.canvases.models import Canvas, CanvasType, Item

from .conftest import box

pytestmark = pytest.mark.django_db


def test_make_a_canvas_and_fill_it(login, people):
    c = login(people["alice"])
    page = c.get(reverse("canvases:home")).content.decode()
    assert "Business model canvas" in page and "Cluster value proposition" in page
    response = c.post(reverse("canvases:home"), {"canvas_type": "", "title": "", "owner_kind": "participant"})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    swot = CanvasType.objects.get(key="swot")
    response = c.post(reverse("canvases:home"), {"canvas_type": swot.pk, "title": "Our SWOT",
                                                 "owner_kind": "participant"})
    canvas = Canvas.objects.get(title="Our SWOT")
    assert response.url == reverse("canvases:canvas", args=[canvas.pk])
    strengths = box(canvas, "strengths")
    response = c.post(reverse("canvases:item_add", args=[canvas.pk]), {"box": strengths.pk, "text": "",
                                                                       "colour": "green"})
    assert response.status_code == 400 and "Write the note" in response.content.decode()
    response = c.post(reverse("canvases:item_add", args=[canvas.pk]), {"box": "999999", "text": "x", "colour": "green"})
    assert response.status_code == 400 and "Choose a box of this canvas" in response.content.decode()
    c.post(reverse("canvases:item_add", args=[canvas.pk]), {"box": strengths.pk, "text": "Members", "colour": "green"})
    page = c.get(reverse("canvases:canvas", args=[canvas.pk])).content.decode()
    assert "Members" in page and "cv-note--green" in page and "Green" in page


def test_keyboard_moves_without_javascript(login, people, swot):
    c = login(people["alice"])
    note = Item.objects.get(canvas=swot, text="Thin staff")
    response = c.post(reverse("canvases:item_move", args=[note.pk]), {"box": box(swot, "threats").pk})
    assert response.status_code == 302 and response.url.endswith(f"#note-{note.pk}")
    note.refresh_from_db()
    assert note.box.key == "threats"
    c.post(reverse("canvases:item_move", args=[note.pk]), {"direction": "up"})
    assert Item.objects.filter(canvas=swot, box=note.box).order_by("position").first().pk == note.pk


def test_others_get_404(login, people, swot):
    note = swot.items.first()
    for who in ("bob", "carol", "dan"):
        c = login(people[who])
        for url in (reverse("canvases:canvas", args=[swot.pk]), reverse("canvases:versions", args=[swot.pk]),
                    reverse("canvases:export", args=[swot.pk]), reverse("canvases:item_edit", args=[note.pk])):
            assert c.get(url).status_code in (403, 404), (who, url)
        assert c.post(reverse("canvases:item_delete", args=[note.pk])).status_code in (403, 404)
    assert Item.objects.filter(pk=note.pk).exists()


def test_versions_page_and_compare(login, people, swot):
    c = login(people["alice"])
    c.post(reverse("canvases:versions", args=[swot.pk]), {"note": "before the workshop"})
    note = Item.objects.get(canvas=swot, text="EU funding")
    c.post(reverse("canvases:item_edit", args=[note.pk]), {"text": "EU and national funding", "colour": "blue",
                                                           "box": note.box_id})
    c.post(reverse("canvases:versions", args=[swot.pk]), {"note": "after"})
    page = c.get(reverse("canvases:compare", args=[swot.pk]) + "?a=1&b=2").content.decode()
    assert "Changed" in page and "EU and national funding" in page and "was: EU funding" in page
    page = c.get(reverse("canvases:compare", args=[swot.pk]) + "?a=1&b=now").content.decode()
    assert "the canvas now" in page
    assert c.get(reverse("canvases:compare", args=[swot.pk]) + "?a=9&b=1").status_code == 400


def test_shared_with_leads_lead_comments_on_the_staff_page(client, login, people, swot):
    c = login(people["lead"])
    assert c.get(reverse("staff_canvases:canvas", args=[swot.pk])).status_code == 404
    assert swot.title not in c.get(reverse("staff_canvases:home")).content.decode()
    login(people["alice"]).post(reverse("canvases:sharing", args=[swot.pk]), {"audience": "leads"})
    c = login(people["lead"])
    assert swot.title in c.get(reverse("staff_canvases:home")).content.decode()
    response = c.post(reverse("staff_canvases:canvas", args=[swot.pk]), {"body": ""})
    assert response.status_code == 400
    c.post(reverse("staff_canvases:canvas", args=[swot.pk]), {"body": "Think about skills."})
    page = login(people["alice"]).get(reverse("canvases:canvas", args=[swot.pk])).content.decode()
    assert "Think about skills." in page and "Feedback from the module lead" in page
    assert login(people["bob"]).get(reverse("canvases:canvas", args=[swot.pk])).status_code == 404


def test_public_link_and_revoke(client, login, people, swot):
    c = login(people["alice"])
    c.post(reverse("canvases:sharing", args=[swot.pk]), {"action": "open_link"})
    swot.refresh_from_db()
    token = swot.public_token
    client.logout()
    assert "Strong members" in client.get(reverse("canvases_public:canvas", args=[token])).content.decode()
    c = login(people["alice"])
    c.post(reverse("canvases:sharing", args=[swot.pk]), {"action": "revoke_link"})
    client.logout()
    assert client.get(reverse("canvases_public:canvas", args=[token])).status_code == 404


def test_import_page_reports_and_never_500(login, people, swot):
    c = login(people["alice"])
    data = c.get(reverse("canvases:export", args=[swot.pk])).content
    assert json.loads(data)["type"] == "swot"
    response = c.post(reverse("canvases:import"), {"file": SimpleUploadedFile("x.json", b"{broken")})
    assert response.status_code == 400 and "not JSON" in response.content.decode()
    response = c.post(reverse("canvases:import"), {})
    assert response.status_code == 400
    doc = json.loads(data)
    doc["boxes"].append({"key": "mystery", "items": ["a"]})
    response = c.post(reverse("canvases:import"), {"file": SimpleUploadedFile("x.json", json.dumps(doc).encode())},
                      follow=True)
    assert response.status_code == 200 and "mystery" in response.content.decode()


def test_list_query_count_is_fixed(login, people, swot, swot_type, edition, django_assert_num_queries):
    c = login(people["alice"])
    url = reverse("canvases:home")
    c.get(url)
    with django_assert_num_queries(_count(c, url)) as _:
        c.get(url)
    for n in range(5):
        services.create_canvas(actor=people["alice"], edition=edition, canvas_type=swot_type, title=f"More {n}")
    c.get(url)
    with django_assert_num_queries(_count(c, url)):
        c.get(url)


def test_staff_list_and_canvas_query_counts(login, people, swot, swot_type, edition, django_assert_num_queries):
    services.share(canvas=swot, actor=people["alice"], audience="leads")
    c = login(people["lead"])
    url = reverse("staff_canvases:home")
    c.get(url)
    before = _count(c, url)
    for n in range(4):
        made = services.create_canvas(actor=people["bob"], edition=edition, canvas_type=swot_type, title=f"B{n}")
        services.share(canvas=made, actor=people["bob"], audience="cohort")
    c.get(url)
    with django_assert_num_queries(before):
        c.get(url)
    page = reverse("canvases:canvas", args=[swot.pk])
    c = login(people["alice"])
    c.get(page)
    before = _count(c, page)
    for n in range(6):
        services.add_item(canvas=swot, actor=people["alice"], box_id=box(swot, "threats").pk, text=f"T{n}")
    c.get(page)
    with django_assert_num_queries(before):
        c.get(page)


def _count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return len(ctx.captured_queries)
