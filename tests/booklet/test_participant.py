"""The participant's booklet pages: edit with a photo, refused photos keep what was typed, preview, consent
recorded with its wording on each change, a locked profile, the home block."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campus.booklet import selectors, services
from campus.booklet.models import BookletConsent, BookletProfile

from . import photo_files as files

pytestmark = pytest.mark.django_db

FORM = {"display_name": "Pia Participant", "role": "Cluster manager", "organisation": "Vaasa Energy Cluster Oy",
        "cluster_name": "EnergyVaasa", "cluster_website": "energyvaasa.example.fi", "country": "FI",
        "sector": "energy", "sector_detail": "", "cluster_description": "Energy technology companies of Vaasa.",
        "why_applied": "To learn from peers.", "expectations": "New tools and friends.",
        "contact_email": "", "contact_phone": "", "linkedin": ""}


def upload(data: bytes, name: str = "me.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_the_participant_fills_the_profile_with_a_photo(participant_client, participant):
    page = participant_client.get("/me/booklet/")
    assert page.status_code == 200 and b"Your booklet profile" in page.content

    answer = participant_client.post("/me/booklet/", {**FORM, "upload": upload(files.jpeg((2400, 1600), gps=True))})
    assert answer.status_code == 302 and answer["Location"] == "/me/booklet/preview/"

    profile = BookletProfile.objects.get(participant=participant)
    assert profile.cluster_name == "EnergyVaasa" and profile.cluster_website == "https://energyvaasa.example.fi"
    assert (profile.photo_width, profile.photo_height) == (1200, 800)
    stored = profile.photo.read()
    assert b"SecretCam" not in stored and Image.open(io.BytesIO(stored)).format == "JPEG"

    preview = participant_client.get("/me/booklet/preview/")
    assert b"EnergyVaasa" in preview.content and b"Nobody" in preview.content

    photo = participant_client.get("/me/booklet/photo/")
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"
    assert photo["X-Content-Type-Options"] == "nosniff" and "no-store" in photo["Cache-Control"]
    assert b"".join(photo.streaming_content) == stored


@pytest.mark.parametrize("data", [files.SVG, files.truncated(), files.huge_png(30_000, 30_000), files.heic()])
def test_a_refused_photo_keeps_everything_typed_and_saves_nothing(participant_client, participant, data):
    answer = participant_client.post("/me/booklet/", {**FORM, "upload": upload(data, "x.png")})
    assert answer.status_code == 200
    html = answer.content.decode()
    assert 'class="field__error"' in html and "There is a problem" in html
    assert 'value="EnergyVaasa"' in html and "Energy technology companies of Vaasa." in html
    assert not BookletProfile.objects.filter(participant=participant, cluster_name="EnergyVaasa").exists()


def test_replacing_and_removing_the_photo(participant_client, participant):
    participant_client.post("/me/booklet/", {**FORM, "upload": upload(files.jpeg())})
    profile = BookletProfile.objects.get(participant=participant)
    first = profile.photo.name
    storage = profile.photo.storage
    participant_client.post("/me/booklet/", {**FORM, "upload": upload(files.png(), "new.png")})
    profile.refresh_from_db()
    assert profile.photo.name != first
    participant_client.post("/me/booklet/", {**FORM, "remove_photo": "on"})
    profile.refresh_from_db()
    assert not profile.photo and profile.photo_sha256 == ""
    assert participant_client.get("/me/booklet/photo/").status_code == 404
    del storage  # files are deleted on commit (a test transaction never commits)


def test_each_consent_change_is_recorded_with_its_wording(participant_client, participant):
    participant_client.post("/me/booklet/", FORM)
    page = participant_client.get("/me/booklet/consent/")
    assert b"Anyone may see my booklet profile" in page.content  # the wording is shown

    assert participant_client.post("/me/booklet/consent/", {"level": "public"}).status_code == 302
    assert participant_client.post("/me/booklet/consent/", {"level": "nobody"}).status_code == 302
    rows = list(BookletConsent.objects.filter(profile__participant=participant).order_by("given_at", "id"))
    assert [r.level for r in rows] == ["public", "nobody"]
    assert rows[0].wording.startswith("Anyone may see") and rows[0].wording_version == "2026-1"
    assert rows[0].given_by == participant.user and not rows[0].by_staff

    refused = participant_client.post("/me/booklet/consent/", {"level": "everyone"})
    assert refused.status_code == 200 and b"field__error" in refused.content
    assert BookletConsent.objects.filter(profile__participant=participant).count() == 2


def test_a_nameless_profile_cannot_be_published(participant_client, participant):
    profile = services.profile_for(participant=participant)
    services.save_profile(profile=profile, data={"display_name": ""}, actor=None, by_staff=True)
    answer = participant_client.post("/me/booklet/consent/", {"level": "public"})
    assert answer.status_code == 200 and b"write your name" in answer.content
    assert selectors.current_level(profile) == "nobody"


def test_a_locked_profile_cannot_be_edited_by_the_participant(participant_client, participant, manager):
    participant_client.post("/me/booklet/", FORM)
    profile = BookletProfile.objects.get(participant=participant)
    services.set_lock(profiles=[profile], locked=True, actor=manager)

    page = participant_client.get("/me/booklet/")
    assert b"locked" in page.content and b'name="cluster_name"' not in page.content
    answer = participant_client.post("/me/booklet/", {**FORM, "cluster_name": "Changed"}, follow=True)
    assert b"nothing was changed" in answer.content
    profile.refresh_from_db()
    assert profile.cluster_name == "EnergyVaasa"
    with pytest.raises(services.BookletError):
        services.save_profile(profile=profile, data={"cluster_name": "X"}, actor=participant.user)
    # consent can always be changed
    assert participant_client.post("/me/booklet/consent/", {"level": "participants"}).status_code == 302


def test_the_home_block_until_the_profile_is_complete_and_shared(participant_client, participant):
    assert b"Complete your booklet profile" in participant_client.get("/me/").content
    participant_client.post("/me/booklet/", {**FORM, "upload": upload(files.jpeg())})
    home = participant_client.get("/me/").content
    assert b"Complete your booklet profile" in home and b"Nobody but the team" in home
    participant_client.post("/me/booklet/consent/", {"level": "participants"})
    assert b"Complete your booklet profile" not in participant_client.get("/me/").content


def test_not_a_participant_gets_no_booklet_page(client, django_user_model):
    user = django_user_model.objects.create_user(email="someone@example.org", password="a-long-password-1")
    client.force_login(user)
    assert client.get("/me/booklet/").status_code == 403
    assert client.post("/me/booklet/consent/", {"level": "public"}).status_code == 403
    assert not BookletConsent.objects.exists()
