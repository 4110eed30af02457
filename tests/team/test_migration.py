"""TeamMembership moved from review to team: the migration keeps every row (ids, roles, timestamps) and the
content type, and runs backwards too. Runs on whichever database the pass uses (SQLite and PostgreSQL)."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("review", "0001_initial"), ("team", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    applied = MigrationExecutor(connection).loader.applied_migrations
    return executor.loader.project_state(list(applied)).apps


def _latest():
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] in {"review", "team"}]


def test_rows_survive_the_move_and_back():
    latest = _latest()
    old = _migrate(BEFORE)
    Edition, Programme = old.get_model("programme", "Edition"), old.get_model("programme", "Programme")
    User, Old = old.get_model("accounts", "User"), old.get_model("review", "TeamMembership")
    programme = Programme.objects.create(name="P", slug="p-mig")
    edition = Edition.objects.create(programme=programme, name="E", slug="e-mig", capacity=20,
                                     application_deadline=date(2030, 1, 1), acceptance_letter_on=date(2030, 2, 1),
                                     hours_per_week_min=2, hours_per_week_max=4)
    user = User.objects.create(email="member@example.org")
    rows = [Old.objects.create(edition=edition, user=user, role=role) for role in ("manager", "reviewer")]
    before = {(m.pk, m.role, m.edition_id, m.user_id, m.created_at) for m in Old.objects.all()}

    new = _migrate(latest)
    Team = new.get_model("team", "TeamMembership")
    assert {(m.pk, m.role, m.edition_id, m.user_id, m.created_at) for m in Team.objects.all()} == before
    assert "review_teammembership" not in connection.introspection.table_names()
    # the id sequence continues after the copied ids (PostgreSQL: reset by the migration)
    added = Team.objects.create(edition_id=edition.pk, user_id=user.pk, role="module_lead")
    assert added.pk > max(m.pk for m in rows)
    ContentType = new.get_model("contenttypes", "ContentType")
    assert not ContentType.objects.filter(app_label="review", model="teammembership").exists()

    back = _migrate(BEFORE)
    assert {(m.pk, m.role) for m in back.get_model("review", "TeamMembership").objects.all()} == {
        (m.pk, m.role) for m in rows} | {(added.pk, "module_lead")}
    _migrate(latest)
