"""The cohort directory (/me/cohort/): fellow participants of the same edition with organisation, cluster,
country and sector from their application; e-mail and phone only of those who allowed it (off by default);
nobody outside the edition sees it."""

import pytest

from campus.cohort.models import Participant
from tests.cohort.conftest import admitted, make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(call):
    aino = admitted(call, "aino@example.fi", first_name="Aino", last_name="Virtanen", phone="+358 40 111 2222",
                    organisation="Vaasa Energy Cluster", cluster_name="EnergyVaasa", cluster_country="FI",
                    cluster_sector="Energy")
    jonas = admitted(call, "jonas@example.lt", first_name="Jonas", last_name="Petraitis", phone="+370 600 12345",
                     organisation="Kaunas IT", cluster_name="Lithuanian ICT", cluster_country="LT",
                     cluster_sector="ICT")
    return aino, jonas


def test_fellow_participants_with_their_cluster_but_no_contact_without_consent(client, cohort):
    aino, jonas = cohort
    client.force_login(aino.user)
    html = client.get("/me/cohort/").content.decode()
    for text in ("Jonas Petraitis", "Kaunas IT", "Lithuanian ICT", "Lithuania", "ICT", "Aino Virtanen", "(you)"):
        assert text in html, text
    assert "jonas@example.lt" not in html and "+370 600 12345" not in html


def test_contact_details_show_once_the_person_allows_it_and_hide_again(client, cohort):
    aino, jonas = cohort
    client.force_login(jonas.user)
    response = client.post("/me/cohort/contact/", {"show_contact": "on"})
    assert response.status_code == 302
    assert Participant.objects.get(pk=jonas.pk).show_contact
    client.force_login(aino.user)
    html = client.get("/me/cohort/").content.decode()
    assert "jonas@example.lt" in html and "+370 600 12345" in html
    assert html.count("aino@example.fi") == 1  # the account menu only
    client.force_login(jonas.user)
    client.post("/me/cohort/contact/", {})
    client.force_login(aino.user)
    assert "jonas@example.lt" not in client.get("/me/cohort/").content.decode()


def test_a_participant_of_another_edition_and_a_stranger_see_nothing(client, cohort, other_edition,
                                                                     django_user_model):
    other = make_participant(other_edition, "olli.other@example.org", given="Olli")
    client.force_login(other.user)
    html = client.get("/me/cohort/").content.decode()
    assert "Jonas" not in html and "Aino" not in html and "Olli" in html
    stranger = django_user_model.objects.create_user(email="sam@example.org", password="a-long-password-1")
    client.force_login(stranger)
    response = client.get("/me/cohort/")
    assert response.status_code == 403 and b"Jonas" not in response.content


def test_no_address_is_shown_as_a_name(client, seeded):
    pia = make_participant(seeded, "pia@example.org", given="", family="")
    pia.user.full_name = ""
    pia.user.save()
    olli = make_participant(seeded, "olli@example.org", given="Olli", family="Other")
    client.force_login(olli.user)
    html = client.get("/me/cohort/").content.decode()
    assert "pia@example.org" not in html and "A participant" in html


def test_the_directory_costs_a_fixed_number_of_queries(client, call, cohort, django_assert_num_queries):
    aino = cohort[0]
    client.force_login(aino.user)
    client.get("/me/cohort/")
    # session, user, participation (with the sections' "has a coaching group?"), the cohort (with users,
    # applications), the booklet's details (core.plugins.directory), the content version (programme, footer
    # pages and the forum link kept per version since the first request)
    with django_assert_num_queries(6):
        client.get("/me/cohort/")
    for n in range(6):
        admitted(call, f"p{n}@example.org", first_name=f"P{n}")
    # admitting saves content rows that bump the content version: the next request builds the kept reads again
    # (programme, footer pages, forum link: +3), so it warms up first
    client.get("/me/cohort/")
    with django_assert_num_queries(6):
        assert "P5" in client.get("/me/cohort/").content.decode()
