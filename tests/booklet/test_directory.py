"""The cohort directory follows the booklet consent: a fellow participant's booklet details (role, cluster,
country, sector, photo, a link to their profile in the cohort's booklet) show only when they share the profile
with participants ("participants" or "public"); "nobody" adds nothing. Participants of other editions never
see them."""

import pytest

from campus.booklet import services
from campus.booklet.models import ConsentLevel
from tests.cohort.conftest import make_participant

from .conftest import make_profile
from .test_public import with_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(edition):
    profile = make_profile(edition, "aino@example.org", level="participants", given="Aino", family="Aalto",
                           role="Head of cluster", cluster_name="SharedClusterXYZ", country="FI")
    return with_photo(profile)


def test_shared_booklet_details_appear_in_the_directory_and_go_with_nobody(client, edition, shared):
    viewer = make_participant(edition, "bo@example.org", given="Bo", family="Berg")
    client.force_login(viewer.user)
    html = client.get("/me/cohort/").content.decode()
    assert "SharedClusterXYZ" in html and "Head of cluster" in html
    assert f"/me/booklet/cohort/{shared.pk}/photo/" in html and f"/me/booklet/cohort/{shared.pk}/" in html
    assert client.get(f"/me/booklet/cohort/{shared.pk}/").status_code == 200
    assert client.get(f"/me/booklet/cohort/{shared.pk}/photo/").status_code == 200

    services.record_consent(profile=shared, level=ConsentLevel.NOBODY, actor=shared.participant.user)

    html = client.get("/me/cohort/").content.decode()
    assert "Aino Aalto" in html  # still a fellow participant
    assert "SharedClusterXYZ" not in html and "Head of cluster" not in html and "/me/booklet/cohort/" not in html
    assert client.get(f"/me/booklet/cohort/{shared.pk}/").status_code == 404
    assert client.get(f"/me/booklet/cohort/{shared.pk}/photo/").status_code == 404


def test_participants_of_another_edition_see_no_shared_profile(client, shared, other_edition):
    other = make_participant(other_edition, "olli@example.org", given="Olli")
    client.force_login(other.user)
    assert "SharedClusterXYZ" not in client.get("/me/cohort/").content.decode()
    assert "SharedClusterXYZ" not in client.get("/me/booklet/cohort/").content.decode()
    assert client.get(f"/me/booklet/cohort/{shared.pk}/").status_code == 404
    assert client.get(f"/me/booklet/cohort/{shared.pk}/photo/").status_code == 404


def test_the_cohorts_booklet_lists_shared_and_public_profiles(client, edition, shared):
    make_profile(edition, "pub@example.org", level="public", given="Pub", family="Lic")
    make_profile(edition, "hid@example.org", level="nobody", given="Hid", family="Den")
    viewer = make_participant(edition, "bo@example.org", given="Bo", family="Berg")
    client.force_login(viewer.user)
    html = client.get("/me/booklet/cohort/").content.decode()
    assert "Aino Aalto" in html and "Pub Lic" in html and "Hid Den" not in html


def test_the_directory_details_cost_one_query_however_many(client, edition, shared, django_assert_num_queries):
    viewer = make_participant(edition, "bo@example.org", given="Bo", family="Berg")
    client.force_login(viewer.user)
    client.get("/me/cohort/")
    # session, user, participation (with coaching's "has a group?"), the cohort, the booklet's details (one query
    # however many), the content version (programme, footer pages, forum link kept per version since the first)
    with django_assert_num_queries(6) as before:
        client.get("/me/cohort/")
    warm = len(before.captured_queries)  # read now: the next request resets the connection's query log
    for n in range(5):
        with_photo(make_profile(edition, f"p{n}@example.org", level="participants", family=f"F{n}"))
    # saving profiles bumps the content version (the public booklet changed): the next request builds the kept
    # programme, footer pages and forum link again (+3), so it warms up first, like the one before
    client.get("/me/cohort/")
    with django_assert_num_queries(warm):
        html = client.get("/me/cohort/").content.decode()
    assert html.count("/me/booklet/cohort/") >= 12  # six profiles: a photo and a link each


def test_the_home_block_costs_one_query(participant_client, participant, django_assert_num_queries):
    from django.test import RequestFactory

    from campus.booklet.plugin import booklet_block

    request = RequestFactory().get("/me/")
    request.user = participant.user
    request._campus_programme = participant.edition.programme  # the page has read it already
    with django_assert_num_queries(1):
        assert booklet_block(request, participant) is not None
