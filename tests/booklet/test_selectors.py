"""The booklet's reads: who is published to whom, the introduction's numbers, the current consent."""

import pytest

from campus.booklet import selectors, services
from campus.booklet.models import ConsentLevel

from .conftest import make_profile

pytestmark = pytest.mark.django_db


def test_published_profiles_follow_the_latest_consent(edition):
    public = make_profile(edition, "a@example.org", level="public", family="Aalto", country="FI")
    members = make_profile(edition, "b@example.org", level="participants", family="Berg", country="SE")
    make_profile(edition, "c@example.org", level="nobody", family="Cruz", country="EE")
    make_profile(edition, "d@example.org", family="Dahl", country="DK")  # never chose: nobody

    assert list(selectors.published_profiles(edition, "public")) == [public]
    assert list(selectors.published_profiles(edition, "participants")) == [public, members]

    services.record_consent(profile=public, level=ConsentLevel.NOBODY, actor=public.participant.user)
    assert list(selectors.published_profiles(edition, "public")) == []
    assert list(selectors.published_profiles(edition, "participants")) == [members]
    assert selectors.current_level(public) == "nobody"
    assert [row.level for row in selectors.consent_history(public)] == ["nobody", "public"]


def test_other_editions_and_nameless_profiles_are_left_out(edition, other_edition):
    make_profile(other_edition, "x@example.org", level="public")
    nameless = make_profile(edition, "n@example.org", level="public")
    services.save_profile(profile=nameless, data={"display_name": ""}, actor=None, by_staff=True)
    assert list(selectors.published_profiles(edition, "public")) == []
    assert selectors.profile_counts(edition) == {"participants": 0, "countries": 0}


def test_counts_and_filters_are_computed_from_what_the_audience_sees(edition):
    make_profile(edition, "a@example.org", level="public", family="Aalto", country="FI", sector="digital")
    make_profile(edition, "b@example.org", level="public", family="Berg", country="FI", sector="energy")
    make_profile(edition, "c@example.org", level="public", family="Cruz", country="EE", sector="energy")
    make_profile(edition, "d@example.org", level="public", family="Dahl", country="")
    make_profile(edition, "e@example.org", level="participants", family="Eik", country="NO")

    assert selectors.profile_counts(edition) == {"participants": 4, "countries": 2}
    assert selectors.profile_counts(edition, "participants") == {"participants": 5, "countries": 3}
    assert [p.display_name for p in selectors.published_profiles(edition, country="FI", sector="energy")] == [
        "Pia Berg"]
    choices = selectors.filter_choices(edition)
    assert choices["countries"] == [("EE", "Estonia"), ("FI", "Finland")]
    assert [value for value, _ in choices["sectors"]] == ["digital", "energy"]


def test_one_profile_only_when_published_to_the_audience(edition):
    members = make_profile(edition, "b@example.org", level="participants")
    assert selectors.published_profile(edition, members.pk, "public") is None
    assert selectors.published_profile(edition, members.pk, "participants") == members
    assert selectors.published_profile(edition, "x", "public") is None
    assert selectors.published_profile(edition, 2**63, "public") is None


def test_published_profiles_cost_one_query_however_many(edition, django_assert_num_queries):
    for n in range(6):
        make_profile(edition, f"p{n}@example.org", level="public", family=f"F{n}")
    with django_assert_num_queries(1):
        rows = list(selectors.published_profiles(edition, "public"))
        assert [row.participant.user.email for row in rows]
        assert [row.participant.edition.programme_id for row in rows]
    with django_assert_num_queries(1):
        selectors.profile_counts(edition)


def test_unknown_audience_is_refused(edition):
    with pytest.raises(ValueError):
        selectors.published_profiles(edition, "everyone")
