"""The public booklet: only public profiles, computed introduction, filters without JavaScript, a page per
participant, photos only for public profiles, withdrawal at once (the page cache follows), the footer link."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campus.booklet import services
from campus.booklet.models import ConsentLevel

from . import photo_files as files
from .conftest import make_profile

pytestmark = pytest.mark.django_db


def with_photo(profile):
    from campus.booklet.photos import process_photo

    photo = process_photo(SimpleUploadedFile("p.jpg", files.jpeg()))
    return services.save_profile(profile=profile, data={}, actor=None, by_staff=True, photo=photo)


@pytest.fixture
def people(edition):
    return {
        "aino": make_profile(edition, "aino@example.org", level="public", given="Aino", family="Aalto",
                             country="FI", sector="energy"),
        "bo": make_profile(edition, "bo@example.org", level="public", given="Bo", family="Berg", country="SE",
                           sector="digital"),
        "cara": make_profile(edition, "cara@example.org", level="public", given="Cara", family="Cruz",
                             country="FI", sector="digital"),
        # never public: must not appear anywhere public
        "secret": make_profile(edition, "sec@example.org", level="participants", given="Sekret", family="Members",
                               country="EE", cluster_name="HiddenClusterXYZ"),
        "nobody": make_profile(edition, "no@example.org", level="nobody", given="Nora", family="Nobody",
                               country="LT", cluster_name="NobodyClusterXYZ"),
    }


def test_the_booklet_lists_public_profiles_with_computed_numbers(client, edition, people):
    page = client.get(f"/booklet/{edition.slug}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "3 cluster managers from 2 countries" in html
    for name in ("Aino Aalto", "Bo Berg", "Cara Cruz"):
        assert name in html
    assert "Sekret" not in html and "HiddenClusterXYZ" not in html and "Nora" not in html
    assert "Estonia" not in html and "Lithuania" not in html  # not even as a filter
    assert client.get(f"/booklet/{edition.slug}/").content.decode().count("bk-card\"") == 3


def test_filters_by_country_and_sector_work_as_a_plain_get_form(client, edition, people):
    html = client.get(f"/booklet/{edition.slug}/", {"country": "FI", "sector": "digital"}).content.decode()
    assert "Cara Cruz" in html and "Aino Aalto" not in html and "Bo Berg" not in html
    assert "1 of 3 profiles shown" in html
    html = client.get(f"/booklet/{edition.slug}/", {"country": "ZZ"}).content.decode()  # not offered: ignored
    assert "Aino Aalto" in html and "Bo Berg" in html


def test_a_page_per_public_participant_and_404_otherwise(client, edition, people):
    aino = people["aino"]
    page = client.get(f"/booklet/{edition.slug}/{aino.pk}/")
    assert page.status_code == 200 and b"Aino Aalto" in page.content and b"Finland" in page.content
    for key in ("secret", "nobody"):
        assert client.get(f"/booklet/{edition.slug}/{people[key].pk}/").status_code == 404
    assert client.get(f"/booklet/{edition.slug}/99999999999999999999/").status_code == 404
    assert client.get("/booklet/no-such-edition/").status_code == 404


def test_photos_are_served_for_public_profiles_only(client, edition, people):
    with_photo(people["aino"])
    with_photo(people["secret"])
    answer = client.get(f"/booklet/{edition.slug}/{people['aino'].pk}/photo/")
    assert answer.status_code == 200 and answer["Content-Type"] == "image/jpeg"
    assert answer["X-Content-Type-Options"] == "nosniff" and "sandbox" in answer["Content-Security-Policy"]
    etag = answer["ETag"]
    assert client.get(f"/booklet/{edition.slug}/{people['aino'].pk}/photo/",
                      HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(f"/booklet/{edition.slug}/{people['secret'].pk}/photo/").status_code == 404
    assert client.get(f"/booklet/{edition.slug}/{people['bo'].pk}/photo/").status_code == 404  # none


def test_withdrawing_consent_removes_the_profile_at_once_from_cached_pages(client, edition, people):
    aino = people["aino"]
    with_photo(aino)
    url = f"/booklet/{edition.slug}/{aino.pk}/"
    assert b"Aino Aalto" in client.get(f"/booklet/{edition.slug}/").content  # now cached
    assert client.get(url).status_code == 200

    services.record_consent(profile=aino, level=ConsentLevel.PARTICIPANTS, actor=aino.participant.user)

    html = client.get(f"/booklet/{edition.slug}/").content.decode()
    assert "Aino Aalto" not in html and "2 cluster managers from 2 countries" in html
    assert client.get(url).status_code == 404
    assert client.get(f"{url}photo/").status_code == 404


def test_staff_can_hide_an_editions_public_booklet(client, edition, people, manager):
    services.save_settings(edition=edition, introduction="", published=False, actor=manager)
    assert client.get(f"/booklet/{edition.slug}/").status_code == 404
    assert client.get(f"/booklet/{edition.slug}/{people['aino'].pk}/").status_code == 404


def test_the_introduction_written_by_staff_gets_the_numbers(client, edition, people, manager):
    services.save_settings(edition=edition, introduction="**{participants}** managers, {countries} lands.",
                           published=True, actor=manager)
    html = client.get(f"/booklet/{edition.slug}/").content.decode()
    assert "<strong>3</strong> managers, 2 lands." in html


def test_the_booklet_of_the_current_edition_is_at_its_own_address(client, edition):
    answer = client.get("/booklet/", {"country": "FI", "other": "x"})
    assert answer.status_code == 302 and answer["Location"] == f"/booklet/{edition.slug}/?country=FI"
    assert client.get("/booklet/")["Location"] == f"/booklet/{edition.slug}/"


def test_the_footer_page_leads_to_the_booklet(client, edition):
    home = client.get("/").content.decode()
    assert 'href="/booklet/">Participant booklet</a>' in home
    answer = client.get("/participant-booklet/")
    assert answer.status_code == 302 and answer["Location"] == "/booklet/"
    assert client.get("/background/").status_code == 200  # the other pages stay


def test_an_empty_booklet_says_so(client, edition):
    html = client.get(f"/booklet/{edition.slug}/").content.decode()
    assert "0 cluster managers from 0 countries" in html and "has published a profile yet" in html


QUERIES = 7  # version, edition, its settings, filters, profiles, counts, other editions (the programme, the footer
# pages and the forum's footer link are kept per content version: read by the warm-up request)


def test_the_public_list_costs_a_fixed_number_of_queries(client, edition, people, django_assert_num_queries):
    from django.core.cache import caches

    for n in range(6):
        with_photo(make_profile(edition, f"more{n}@example.org", level="public", family=f"More{n}", country="DK"))
    client.get("/about/")  # warm-up: what is kept per content version (core.content_memo)
    caches["pages"].clear()
    with django_assert_num_queries(QUERIES):
        assert client.get(f"/booklet/{edition.slug}/").content.decode().count('bk-card"') == 9
    with django_assert_num_queries(1):  # cached: the content version only
        client.get(f"/booklet/{edition.slug}/")
    caches["pages"].clear()
    with django_assert_num_queries(QUERIES):
        client.get(f"/booklet/{edition.slug}/?country=DK")
