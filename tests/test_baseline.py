"""The rows every test starts with (tests/baseline.py) are there again after a transactional test's flush.

pytest-django runs the ``db`` tests first and the transactional ones after them, so the last two tests here
follow other transactional tests of the session (or each other): each must find the seed edition and the data
migrations' rows, whatever ran before it.
"""

import json

import pytest
from django.contrib.auth.models import Group

from campus.communications.models import MailTemplate
from campus.programme.models import Edition
from campus.programme.services import SEED_FILE

TEAM_PERMISSIONS = {"change_page", "view_contactmessage", "view_application", "view_document"}  # two migrations'


def _missing() -> list[str]:
    missing = []
    seed_slug = json.loads(SEED_FILE.read_text(encoding="utf-8"))["edition"]["slug"]
    if not Edition.objects.filter(is_current=True, slug=seed_slug).exists():
        missing.append("the seed edition")
    team = Group.objects.filter(name="Programme team").first()
    if team is None or not TEAM_PERMISSIONS <= set(team.permissions.values_list("codename", flat=True)):
        missing.append("the Programme team group with its permissions")
    if not MailTemplate.objects.filter(edition__isnull=True).exists():
        missing.append("the default mail templates")
    return missing


def test_a_db_test_starts_with_the_seed_and_the_data_migrations_rows(seeded):
    assert _missing() == []


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_starts_with_all_of_it_too():
    assert _missing() == []
    Edition.objects.all().delete()  # and the flush after this test removes the rest


@pytest.mark.django_db(transaction=True)
def test_the_next_test_finds_all_of_it_again():
    assert _missing() == []


def test_unseeded_has_no_programme(unseeded):
    assert not Edition.objects.exists()
    assert _missing() == ["the seed edition"]
