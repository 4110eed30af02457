"""The rows every test starts with (tests/baseline.py) are there again after a transactional test's flush."""

import pytest
from django.contrib.auth.models import Group

from campus.communications.models import MailTemplate
from campus.programme.models import Edition


def _baseline():
    team = Group.objects.filter(name="Programme team").first()
    return {
        "edition": Edition.objects.filter(is_current=True).values_list("slug", flat=True).first(),
        "team permissions": sorted(team.permissions.values_list("codename", flat=True)) if team else None,
        "default templates": MailTemplate.objects.filter(edition__isnull=True).count(),
    }


@pytest.fixture(scope="module")
def as_migrated(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return _baseline()


def test_a_db_test_starts_with_the_seed_and_the_data_migrations_rows(as_migrated, seeded):
    assert as_migrated["edition"] == seeded.slug
    assert "view_application" in as_migrated["team permissions"]
    assert "change_page" in as_migrated["team permissions"]
    assert as_migrated["default templates"] > 0
    assert _baseline() == as_migrated


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_empties_every_table_after_it(as_migrated):
    assert _baseline() == as_migrated
    Edition.objects.all().delete()  # and the flush after this test removes the rest


@pytest.mark.django_db(transaction=True)
def test_the_next_test_finds_all_of_it_again(as_migrated):
    assert _baseline() == as_migrated


def test_unseeded_has_no_programme(unseeded):
    assert not Edition.objects.exists()
