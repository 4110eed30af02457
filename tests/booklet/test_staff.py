"""The staff pages of the booklet: managers of the edition only; the list with completeness and consent, editing
for a participant (even when locked), consent recorded on their behalf, locks one and all, the settings."""

import pytest

from campus.booklet import selectors
from campus.booklet.models import BookletConsent, BookletProfile
from tests.cohort.conftest import make_participant
from tests.interviews.conftest import make_person

from .conftest import make_profile
from .test_participant import FORM

pytestmark = pytest.mark.django_db


def test_the_list_shows_completeness_consent_and_locks(manager_client, edition):
    make_profile(edition, "a@example.org", level="public", given="Aino", family="Aalto")
    make_participant(edition, "new@example.org", given="Nils", family="New")
    html = manager_client.get("/staff/booklet/").content.decode()
    assert "Aino Aalto" in html and "Nils New" in html and "no profile yet" in html
    assert "badge--ok\">public" in html and "6 of 10" in html


def test_staff_edit_a_locked_profile_and_record_consent(manager_client, manager, edition):
    profile = make_profile(edition, "a@example.org", given="Aino", family="Aalto")
    participant = profile.participant
    assert manager_client.post(f"/staff/booklet/participants/{participant.pk}/lock/",
                               {"action": "lock"}).status_code == 302
    profile.refresh_from_db()
    assert profile.is_locked and profile.locked_by == manager

    answer = manager_client.post(f"/staff/booklet/participants/{participant.pk}/", {**FORM, "display_name": "Aino A."})
    assert answer.status_code == 302
    profile.refresh_from_db()
    assert profile.display_name == "Aino A." and profile.is_locked

    manager_client.post(f"/staff/booklet/participants/{participant.pk}/consent/", {"level": "public"})
    row = BookletConsent.objects.get(profile=profile)
    assert row.by_staff and row.given_by == manager and row.level == "public"
    page = manager_client.get(f"/staff/booklet/participants/{participant.pk}/").content.decode()
    assert "recorded by Mia Manager" in page


def test_lock_and_unlock_all(manager_client, edition):
    for n in range(3):
        make_profile(edition, f"p{n}@example.org", family=f"F{n}")
    answer = manager_client.post(f"/staff/booklet/editions/{edition.pk}/lock/", {"action": "lock"}, follow=True)
    assert b"3 profiles locked." in answer.content
    assert not BookletProfile.objects.filter(locked_at__isnull=True).exists()
    manager_client.post(f"/staff/booklet/editions/{edition.pk}/lock/", {"action": "unlock"})
    assert not BookletProfile.objects.filter(locked_at__isnull=False).exists()


def test_settings_page(manager_client, edition):
    page = manager_client.get(f"/staff/booklet/editions/{edition.pk}/settings/")
    assert page.status_code == 200
    manager_client.post(f"/staff/booklet/editions/{edition.pk}/settings/", {"introduction": "Hello {participants}"})
    assert not selectors.is_published(edition)  # the box left unticked hides the public pages
    assert selectors.settings_of(edition).introduction == "Hello {participants}"


def test_other_staff_and_managers_of_other_editions_are_turned_away(client, edition, other_edition):
    profile = make_profile(edition, "a@example.org")
    reviewer = make_person("rita.reviewer@example.org", "reviewer", edition=edition)
    elsewhere = make_person("olli.other@example.org", "manager", edition=other_edition)
    for user in (reviewer, elsewhere):
        client.force_login(user)
        assert client.get(f"/staff/booklet/participants/{profile.participant.pk}/").status_code == 404
        assert client.post(f"/staff/booklet/participants/{profile.participant.pk}/lock/").status_code == 404
        assert client.get(f"/staff/booklet/participants/{profile.participant.pk}/photo/").status_code == 404
        assert client.post(f"/staff/booklet/editions/{edition.pk}/lock/").status_code == 404
    profile.refresh_from_db()
    assert not profile.is_locked
