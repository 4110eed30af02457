"""The import pages: upload, preview with the row report, commit as a draft; exports as downloads; 404s."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campus.radars import services
from campus.radars.models import EditionState

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

CSV = ("name,ring,quadrant,isNew,description\n"
       "Digital twins,Adopt,Technologies,false,<script>x</script>ok\n"
       "Ghost,Never,Technologies,true,\n"
       "Robots,Trial,Technologies,TRUE,\n").encode()


def signed_in(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_upload_preview_then_commit(client, radar, people):
    signed_in(client, people["alice"])
    url = f"/me/radars/{radar.pk}/import/"
    page = client.get(url)
    assert page.status_code == 200 and "Import and export" in page.content.decode()
    preview = client.post(url, {"kind": "byor-csv", "upload": SimpleUploadedFile("r.csv", CSV, "text/csv")})
    text = preview.content.decode()
    assert preview.status_code == 200 and "Unknown ring “Never”." in text and "Robots" in text
    assert radar.editions.count() == 1  # nothing saved yet
    token = preview.context["token"]
    done = client.post(f"/me/radars/{radar.pk}/import/commit/", {"token": token})
    assert done.status_code == 302
    draft = radar.editions.get(state=EditionState.DRAFT)
    assert sorted(draft.blips.values_list("item__name", flat=True)) == ["Digital twins", "Robots"]
    again = client.post(f"/me/radars/{radar.pk}/import/commit/", {"token": token}, follow=True)
    assert "expired" in again.content.decode() and radar.editions.count() == 2


def test_a_refused_file_is_shown_on_the_form(client, radar, people):
    signed_in(client, people["alice"])
    page = client.post(f"/me/radars/{radar.pk}/import/",
                       {"kind": "byor-csv", "upload": SimpleUploadedFile("r.csv", b"name\nA\n", "text/csv")})
    assert page.status_code == 200 and "Missing columns" in page.content.decode()
    assert page.context["form"].data["kind"] == "byor-csv"


def test_others_cannot_import_or_export(client, radar, people):
    signed_in(client, people["carol"])
    assert client.get(f"/me/radars/{radar.pk}/import/").status_code == 404
    assert client.get(f"/me/radars/{radar.pk}/export/campus/").status_code == 404


def test_a_group_member_who_sees_may_export_but_not_import(client, radar, people):
    services.share_radar(radar=radar, actor=people["alice"], visibility="group", group=people["g1"])
    signed_in(client, people["bob"])
    assert client.get(f"/me/radars/{radar.pk}/import/").status_code == 404
    response = client.get(f"/me/radars/{radar.pk}/export/byor-csv/")
    assert response.status_code == 200 and response["Content-Disposition"].endswith('-byor-csv.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["name"] for r in rows} == {"Digital twins", "Open data", "Mentoring"}


@pytest.mark.parametrize("kind", ["byor-json", "zalando", "backstage", "campus"])
def test_every_export_downloads(client, radar, people, kind):
    signed_in(client, people["alice"])
    response = client.get(f"/me/radars/{radar.pk}/export/{kind}/")
    assert response.status_code == 200 and b"Digital twins" in response.content
    assert client.get(f"/me/radars/{radar.pk}/export/unknown/").status_code == 404
