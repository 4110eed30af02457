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


def test_the_snapshot_holds_what_the_data_migrations_and_the_seed_make(db):
    """Transactional tests end with tests/baseline.py's snapshot put back instead of a flush and a reload: the
    snapshot must hold, table by table, as many rows as the data migrations and the seed loader make again on
    emptied tables (content types and permissions, made by post_migrate, are kept for them)."""
    from django.db import connection

    from tests import baseline

    kept = {"django_content_type", "auth_permission"}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in baseline._flushed_tables():
            if table not in kept:
                cursor.execute(f"DELETE FROM {quote(table)}")
        baseline.reload()
        counts = {}
        for table in baseline._flushed_tables():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    snapshot = {table: len(rows) if isinstance(rows, list) else rows.count(b"\n")
                for table, (_columns, rows) in baseline._snapshot.items()}
    assert {table: n for table, n in counts.items() if n} == snapshot
    assert _missing() == []
