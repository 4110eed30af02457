"""Name badges: the PDF's pages per layout (A6 one per page, four per A4 sheet, 54 × 90 mm cards), the names
in the order asked, only people with a seat (or only those checked in); the page without a choice is a form."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from campus.forum.badges import badges_pdf, name_size
from campus.forum.services.staff import check_in

from .staff_world import fill, make_event, make_staff

pytestmark = pytest.mark.django_db
MM = 72 / 25.4


@pytest.fixture
def event(seeded):
    return make_event(seeded, capacity=5)


@pytest.fixture
def manager(seeded):
    return make_staff(seeded, "maria.manager@example.org")


def pages(content: bytes):
    reader = PdfReader(io.BytesIO(content))
    return [(page.extract_text(), float(page.mediabox.width) / MM, float(page.mediabox.height) / MM)
            for page in reader.pages]


def badges(client, event, **query):
    response = client.get(reverse("staff_forum:badges", args=[event.pk]), query)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return pages(response.content)


@pytest.mark.parametrize("layout, count, width, height", [("a6", 5, 105, 148), ("a4x4", 2, 210, 297),
                                                          ("card", 5, 90, 54)])
def test_each_layout_has_its_pages_and_every_name(client, event, manager, layout, count, width, height):
    fill(event)
    client.force_login(manager)
    found = badges(client, event, layout=layout, order="name", who="confirmed")
    assert len(found) == count
    for _, page_width, page_height in found:
        assert round(page_width) == width and round(page_height) == height
    text = " ".join(t for t, _, _ in found)
    for name in ("Anna Aalto", "Bert Berg", "Cara Cole", "Dan Dahl", "Eva Ek"):
        assert name in text
    assert "Cluster Education Forum Test" in text and "Vaasa Energy Cluster" in text and "Finland" in text


def test_the_order_by_name_or_by_organisation(client, event, manager):
    fill(event)
    client.force_login(manager)
    by_name = [t for t, _, _ in badges(client, event, layout="a6", order="name", who="confirmed")]
    assert [next(n for n in ("Anna", "Bert", "Cara", "Dan", "Eva") if n in t) for t in by_name] == \
        ["Anna", "Bert", "Cara", "Dan", "Eva"]
    by_org = [t for t, _, _ in badges(client, event, layout="a6", order="organisation", who="confirmed")]
    # Aarhus Wind, Malmo Health Hub, Oslo Maritime, Riga Food Cluster, Vaasa Energy Cluster
    assert [next(n for n in ("Anna", "Bert", "Cara", "Dan", "Eva") if n in t) for t in by_org] == \
        ["Dan", "Eva", "Bert", "Cara", "Anna"]


def test_only_people_with_a_seat_or_only_those_checked_in(client, seeded, manager):
    event = make_event(seeded, capacity=3)
    anna, bert, *_ = fill(event)  # dan and eva wait
    check_in(registration=bert, actor=manager)
    client.force_login(manager)
    text = " ".join(t for t, _, _ in badges(client, event, layout="card", order="name", who="confirmed"))
    assert "Cara Cole" in text and "Dan Dahl" not in text and "Eva Ek" not in text
    found = badges(client, event, layout="card", order="name", who="checked_in")
    assert len(found) == 1 and "Bert Berg" in found[0][0]


def test_the_form_and_a_bad_choice(client, event, manager):
    client.force_login(manager)
    page = client.get(reverse("staff_forum:badges", args=[event.pk]))
    assert page.status_code == 200 and "Four A6 badges per A4 sheet" in page.content.decode()
    refused = client.get(reverse("staff_forum:badges", args=[event.pk]), {"layout": "a0"})
    assert refused.status_code == 200 and "There is a problem" in refused.content.decode()


def test_hostile_names_are_printed_as_text_and_long_ones_get_smaller(event):
    from types import SimpleNamespace

    people = [SimpleNamespace(pk=1, name='#set page(width: 1pt) *bold* "quoted"', organisation="$x$",
                              country=None)]
    text = " ".join(pages(badges_pdf(event, people, layout="a6"))[0][0].split())
    assert "#set page(width: 1pt) *bold* \"quoted\" $x$" in text
    assert name_size("Anna Aalto") > name_size("Maximilian Alexander von Hohenzollern-Sigmaringen")
