"""The cohort's personal data in the privacy contract: the directory choice and the calendar feed are in the
person's download (never the feed's secret address); erasure deletes the participation, so the feed answers 404."""

import io
import json
import zipfile

import pytest
from django.test import Client

from campus.cohort.models import Participant
from campus.privacy import services as privacy
from campus.privacy.selectors import Subject

pytestmark = pytest.mark.django_db


def test_the_download_says_what_the_directory_shows_and_that_the_feed_is_on(participant_client, participant):
    participant_client.post("/me/cohort/contact/", {"show_contact": "on"})
    participant_client.post("/me/schedule/feed/new/")
    participant.refresh_from_db()
    archive = privacy.export_personal_data(subject=Subject(user=participant.user, emails=[participant.user.email]),
                                           actor=participant.user, by="self")
    data = json.loads(zipfile.ZipFile(io.BytesIO(archive)).read("data.json"))
    text = json.dumps(data)
    assert participant.feed_token not in text
    row = data["participations"][0]
    assert row["directory_shows_contact_details"] is True and row["calendar_feed"]["on"] is True


def test_erasure_ends_the_feed(participant_client, participant, django_user_model):
    participant_client.post("/me/schedule/feed/new/")
    participant.refresh_from_db()
    url = f"/me/calendar/{participant.feed_token}.ics"
    assert Client().get(url).status_code == 200
    boss = django_user_model.objects.create_superuser(email="root@example.org", password="a-long-password-1")
    request = privacy.request_erasure(user=participant.user, reason="")
    privacy.decide_erasure(request=request, approve=True, note="", actor=boss)
    assert not Participant.objects.filter(pk=participant.pk).exists()
    assert Client().get(url).status_code == 404
