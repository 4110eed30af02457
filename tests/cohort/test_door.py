"""The participant's door (/me/): only participants enter; the area's navigation and home blocks come from the
registry (core.plugins.participant); the account menu offers the area to participants only."""

import pytest
from django.urls import reverse
from django.utils.html import format_html

from campus.core.plugins import participant as area
from tests.cohort.conftest import make_participant

pytestmark = pytest.mark.django_db


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get("/me/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_someone_who_is_not_a_participant_is_told_what_the_area_is(client, seeded, django_user_model):
    stranger = django_user_model.objects.create_user(email="sam@example.org", password="a-long-password-1")
    client.force_login(stranger)
    response = client.get("/me/")
    assert response.status_code == 403
    assert b"For participants only" in response.content
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_a_participant_sees_their_home_with_name_and_edition(participant_client, participant):
    response = participant_client.get("/me/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Welcome, Pia" in text
    assert participant.edition.name in text
    assert "My programme" in text  # the account menu offers the area


def test_blocks_and_sections_come_from_the_registry_and_only_for_their_participant(participant_client, participant, seeded):
    other = make_participant(seeded, "olli.other@example.org", given="Olli")

    def block(request, shown):
        return area.HomeBlock(format_html("<p>Block for {}</p>", shown.user.email), order=5)

    section = area.ParticipantSection(title="Schedule (test)", url_name="cohort:home", order=1,
                                      predicate=lambda shown: shown.pk == participant.pk)
    area.register_block(block)
    area.register_section(section)
    try:
        text = participant_client.get("/me/").content.decode()
        assert "Block for pia.participant@example.org" in text
        assert "olli.other@example.org" not in text
        assert "Schedule (test)" in text
        participant_client.force_login(other.user)
        text = participant_client.get("/me/").content.decode()
        assert "Block for olli.other@example.org" in text and "pia.participant" not in text
        assert "Schedule (test)" not in text  # the predicate hides it from Olli
    finally:
        area.unregister_block(block)
        area.unregister_section(section)


def test_the_account_menu_does_not_offer_the_area_to_an_applicant(client, seeded, django_user_model):
    applicant = django_user_model.objects.create_user(email="ann@example.org", password="a-long-password-1")
    client.force_login(applicant)
    text = client.get(reverse("account_email")).content.decode()
    assert "My programme" not in text
    assert "/me/" not in text


def test_the_home_costs_a_fixed_number_of_queries(participant_client, django_assert_num_queries):
    """The whole home with every installed app's block (each app also pins what its own block adds, flat with
    rows, in its own tests)."""
    participant_client.get("/me/")
    # session, user, participation with its edition, programme, footer pages; one query per block: the cohort's
    # next meetup and the first module's start (the onboarding text is read only before it), the next webinar
    # (attendance), open assignments (coursework), open surveys (feedback), the coaching group, the certificate,
    # the booklet profile; warm: the content version instead of the programme and footer pages (kept per version)
    with django_assert_num_queries(12):
        assert participant_client.get("/me/").status_code == 200


def test_the_session_learns_of_a_place_taken_after_sign_in(client, seeded, django_user_model):
    """Signed in as an applicant, then admitted: the menu offers the area once the person has opened it (the
    status page of an accepted place links to it), without a query per page."""
    from campus.cohort.models import Participant

    person = django_user_model.objects.create_user(email="late@example.org", password="a-long-password-1")
    client.force_login(person)
    assert "My programme" not in client.get(reverse("account_email")).content.decode()
    Participant.objects.create(edition=seeded, user=person)
    assert client.get("/me/").status_code == 200
    assert "My programme" in client.get(reverse("account_email")).content.decode()
