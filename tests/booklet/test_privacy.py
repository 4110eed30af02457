"""Subject access and erasure of a participant with a booklet profile (through campus.privacy): the export holds
the profile, the consent history and the photo as stored; erasure deletes the profile, its consent rows and
the photo file, and the public page answers 404; an erased staff member's locks and recorded consents name
nobody."""

import io
import json
import zipfile
from pathlib import Path

import pytest

from campus.booklet import services
from campus.booklet.models import BookletConsent, BookletProfile
from campus.privacy import erasure
from campus.privacy import services as privacy
from campus.privacy.selectors import subject_for_user

from .conftest import make_profile
from .test_public import with_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def aino(edition, manager):
    profile = with_photo(make_profile(edition, "aino@example.org", level="participants", given="Aino",
                                      family="Aalto", contact_phone="+358 40 123"))
    services.record_consent(profile=profile, level="public", actor=manager, by_staff=True)
    services.set_lock(profiles=[profile], locked=True, actor=manager)
    return profile


def test_export_holds_the_profile_consent_history_and_photo(aino, manager):
    content = privacy.export_personal_data(subject=subject_for_user(aino.participant.user), actor=manager, by="staff")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        data = json.loads(archive.read("data.json"))
        [exported] = data["booklet_profiles"]
        photo = archive.read(exported["photo"])
    assert exported["display_name"] == "Aino Aalto" and exported["contact_phone"] == "+358 40 123"
    assert [c["level"] for c in exported["consent"]] == ["participants", "public"]
    assert exported["consent"][1]["recorded_by_staff"] is True and exported["consent"][0]["wording"]
    aino.refresh_from_db()
    assert photo == aino.photo.read()


def test_erasure_deletes_profile_consents_and_photo(client, aino, manager, edition,
                                                     django_capture_on_commit_callbacks):
    path = Path(aino.photo.path)
    assert path.exists()
    url = f"/booklet/{edition.slug}/{aino.pk}/"
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        erasure.erase_person(user=aino.participant.user, actor=manager)

    assert not BookletProfile.objects.filter(pk=aino.pk).exists()
    assert not BookletConsent.objects.filter(profile_id=aino.pk).exists()
    assert not path.exists()
    assert client.get(url).status_code == 404
    assert "Aino" not in client.get(f"/booklet/{edition.slug}/").content.decode()


def test_erasing_the_manager_keeps_the_profile_by_nobody(aino, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        erasure.erase_person(user=manager, actor=None)
    aino.refresh_from_db()
    assert aino.is_locked and aino.locked_by is None
    staff_row = BookletConsent.objects.get(profile=aino, by_staff=True)
    assert staff_row.given_by is None and staff_row.level == "public"
