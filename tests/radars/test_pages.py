"""The radar pages: the participant's journey through the views, the picture and the list, the public link, the
staff overview, the PDF; pinned query counts of the radar page."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from campus.radars import services
from campus.radars.models import Blip, Radar

from .conftest import PASSWORD


@pytest.fixture
def as_alice(client, people):
    client.login(email="alice@example.org", password=PASSWORD)
    return client


def test_make_a_radar_add_a_blip_publish(as_alice, people):
    response = as_alice.post(reverse("radars:home"), {"title": "Energy radar", "owner_kind": "participant"})
    radar = Radar.objects.get(title="Energy radar")
    assert response.status_code == 302
    edition = radar.editions.get()
    url = reverse("radars:blip_add", args=[radar.pk, edition.pk])
    assert as_alice.get(url).status_code == 200
    response = as_alice.post(url, {"name": "Heat pumps", "quadrant": "0", "ring": "1", "rationale": "Cheap now",
                                   "tags": "energy", "link": ""})
    assert response.status_code == 302
    page = as_alice.get(reverse("radars:radar", args=[radar.pk]))
    html = page.content.decode()
    assert "Heat pumps" in html and "<svg" in html and "<title id=\"radar-title\">" in html
    assert as_alice.post(reverse("radars:publish", args=[radar.pk, edition.pk])).status_code == 302
    edition.refresh_from_db()
    assert not edition.is_draft


def test_blip_form_keeps_what_was_typed_on_error(as_alice, radar):
    draft = services.new_draft(radar=radar, actor=radar.owner)
    url = reverse("radars:blip_add", args=[radar.pk, draft.pk])
    response = as_alice.post(url, {"name": "digital twins", "quadrant": "1", "ring": "1",
                                   "rationale": "My long rationale"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "already on this edition" in html and "My long rationale" in html


def test_filters_and_search(as_alice, radar):
    url = reverse("radars:radar", args=[radar.pk])
    html = as_alice.get(url, {"q": "open"}).content.decode()
    assert "Open data" in html and "Mentoring" not in html.split('id="blips"')[1]
    html = as_alice.get(url, {"tag": "AI"}).content.decode()
    assert "Digital twins" in html.split('id="blips"')[1] and "Open data" not in html.split('id="blips"')[1]


def test_others_get_404_and_editing_needs_the_right(client, radar, people):
    client.login(email="bob@example.org", password=PASSWORD)
    assert client.get(reverse("radars:radar", args=[radar.pk])).status_code == 404
    services.share_radar(radar=radar, actor=radar.owner, visibility="group", group=people["g1"])
    assert client.get(reverse("radars:radar", args=[radar.pk])).status_code == 200
    assert client.get(reverse("radars:settings", args=[radar.pk])).status_code == 404
    blip = Blip.objects.filter(edition__radar=radar).first()
    assert client.post(reverse("radars:blip_remove", args=[radar.pk, blip.pk])).status_code == 404


def test_public_link_shows_published_editions_and_dies_when_revoked(client, radar, people):
    services.new_draft(radar=radar, actor=radar.owner, name="secret-draft")
    token = services.open_public_link(radar=radar, actor=radar.owner)
    response = client.get(reverse("radars_public:radar", args=[token]))
    html = response.content.decode()
    assert response.status_code == 200 and "Digital twins" in html and "secret-draft" not in html
    assert "no-store" in response["Cache-Control"]
    services.revoke_public_link(radar=radar, actor=radar.owner)
    assert client.get(reverse("radars_public:radar", args=[token])).status_code == 404


def test_pdf_has_the_blips(as_alice, radar):
    response = as_alice.get(reverse("radars:pdf", args=[radar.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Alice's radar" in text and "Digital twins" in text and "Mentoring" in text


def test_staff_overview_lists_shared_radars_only(client, radar, people, edition):
    shared = services.create_radar(actor=people["bob"], edition=edition, title="Bob shared", visibility="cohort")
    client.login(email="lena.lead@example.org", password=PASSWORD)
    html = client.get(reverse("staff_radars:home")).content.decode()
    assert "Bob shared" in html and "Alice&#x27;s radar" not in html and "Alice's radar" not in html
    assert client.get(reverse("staff_radars:radar", args=[radar.pk])).status_code == 404
    assert client.get(reverse("staff_radars:radar", args=[shared.pk])).status_code == 200


RADAR_PAGE_QUERIES = 14  # session, user, participant, sections (group, editions, 2x roles), radar, editions,
# quadrants, rings, blips by item, blips, content version (programme, footer pages, forum link kept per version)


def test_radar_page_query_count_does_not_grow(as_alice, radar, django_assert_num_queries):
    draft = services.new_draft(radar=radar, actor=radar.owner)
    url = reverse("radars:radar", args=[radar.pk])
    as_alice.get(url, {"edition": draft.pk})
    with django_assert_num_queries(RADAR_PAGE_QUERIES):
        as_alice.get(url, {"edition": draft.pk})
    for i in range(40):
        services.add_blip(edition=draft, actor=radar.owner, name=f"Thing {i}", quadrant=i % 4, ring=i % 4,
                          tags=f"t{i % 3}")
    with django_assert_num_queries(RADAR_PAGE_QUERIES):
        response = as_alice.get(url, {"edition": draft.pk})
    assert response.content.decode().count('class="radar-move') == 43


def test_settings_refused_lists_every_invalid_field_and_keeps_the_rest(as_alice, radar):
    url = reverse("radars:settings", args=[radar.pk])
    data = {"title": "Renamed", "description": ""}
    for i in range(4):
        data |= {f"q{i}-name": f"Q{i}", f"q{i}-description": "", f"r{i}-name": f"R{i}", f"r{i}-description": "",
                 f"r{i}-colour": "#123456"}
    data["q1-name"] = ""
    data["r2-colour"] = "red"
    response = as_alice.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<title>Error: ") == 1
    assert 'href="#id_q1-name"' in html and 'href="#id_r2-colour"' in html
    assert 'value="Renamed"' in html and 'value="Q3"' in html
    data["q1-name"], data["r2-colour"] = "Markets", "#abcdef"
    assert as_alice.post(url, data).status_code == 302
    assert radar.quadrants.get(position=1).name == "Markets" and radar.rings.get(position=2).colour == "#abcdef"


def test_list_pages_have_a_fixed_number_of_queries(client, as_alice, people, edition, django_assert_num_queries):
    def make(n):
        for i in range(n):
            services.create_radar(actor=people["alice"], edition=edition, title=f"Group radar {i}",
                                  owner_kind="group", group=people["g1"])
    make(1)
    as_alice.get(reverse("radars:home"))
    with django_assert_num_queries(HOME_QUERIES):
        as_alice.get(reverse("radars:home"))
    make(5)
    with django_assert_num_queries(HOME_QUERIES):
        html = as_alice.get(reverse("radars:home")).content.decode()
    assert html.count('class="radar-card"') == 6
    client.logout()
    client.login(email="lena.lead@example.org", password=PASSWORD)
    client.get(reverse("staff_radars:home"))
    with django_assert_num_queries(STAFF_QUERIES):
        html = client.get(reverse("staff_radars:home")).content.decode()
    assert html.count("Group radar") == 6


HOME_QUERIES = 10  # session, user, participant, group membership, groups, sections (editions, 2x roles),
# radars, content version (programme, footer pages, forum link kept per content version)
STAFF_QUERIES = 8  # session, user, roles, editions led, radars (with their edition and its programme), content
# version, 2x permissions (the footer's programme, pages and forum link are kept per content version); no query per
# radar (each radar's programme used to cost one: 14 with these 6 radars)
