"""Cloning the seed edition: every row of the new edition is new and points only into the new edition (or at
what the programme shares), the old edition is unchanged, nothing personal comes along (pretix's
copy_data_from tests check the same)."""

import pytest
from django.apps import apps
from django.core import serializers

from campus.core.plugins import clone
from campus.core.plugins.clone import Shift
from campus.editions import services
from campus.programme.models import Edition
from campus.team.models import Role, TeamMembership

ALL = [part.key for part in clone.parts()]


def paths_to_edition():
    """Every model with a chain of foreign keys to Edition: {model: "module__edition"} (the first chain found)."""

    def path(model, seen):
        if model is Edition:
            return []
        if len(seen) > 5:
            return None
        for f in model._meta.concrete_fields:
            if f.is_relation and f.related_model is not None and f.related_model not in seen:
                rest = path(f.related_model, seen + (model,))
                if rest is not None:
                    return [f.name, *rest]
        return None

    found = {}
    for model in apps.get_models():
        p = path(model, ())
        if model is not Edition and p:
            found[model] = "__".join(p)
    return found


def rows_of(edition):
    """{model: {pk: row}} of every row whose chain leads to ``edition``."""
    return {model: {row.pk: row for row in model.objects.filter(**{path: edition})}
            for model, path in paths_to_edition().items()}


def dump(edition) -> str:
    objects = [edition] + [row for rows in rows_of(edition).values() for row in rows.values()]
    return serializers.serialize("json", sorted(objects, key=lambda o: (o._meta.label, o.pk)))


def test_the_registry_has_every_part():
    assert set(ALL) >= {"modules", "meetups", "requirements", "call", "review", "admission_settings",
                        "mail_templates", "assignments", "surveys", "certificate_rules", "booklet_settings"}
    assert clone.with_dependencies(["review"]) == ["call", "review"]
    assert clone.with_dependencies(["surveys", "meetups"]) == ["modules", "meetups", "surveys"]
    assert {s.key for s in clone.shared()} == {"partners", "faq", "benefits", "pages"}


def test_nothing_of_the_new_edition_points_at_the_old_one(rich, manager):
    old = rows_of(rich)
    before = dump(rich)
    done = services.clone_edition(source=rich, name="2026–2027", slug="2026-2027", shift=Shift(313 * 7),
                                  parts=ALL, actor=manager, token="t1")
    new_edition = done.edition
    new = rows_of(new_edition)
    old_pks = {model: set(rows) for model, rows in old.items()}
    old_pks[Edition] = {rich.pk}
    copied = {(new_row._meta.label, new_row.pk) for _label, _old, new_row in done.mapping.items()}
    checked = 0
    for model, rows in new.items():
        for pk, row in rows.items():
            if model is TeamMembership:  # the person who cloned: made by team's services, not copied
                assert (row.user, row.role) == (manager, Role.MANAGER)
                continue
            assert (model._meta.label, pk) in copied, f"{model._meta.label} {pk} is in the new edition, not made by a part"
            for f in model._meta.concrete_fields:
                if f.is_relation and f.related_model in old_pks:
                    value = getattr(row, f.attname)
                    assert value not in old_pks[f.related_model], (
                        f"{model._meta.label}.{f.name} of row {pk} points at the old edition's row {value}")
                    checked += 1
    assert checked > 100
    # every copied row is a row of the new edition
    for label, _old_pk, new_row in done.mapping.items():
        if label != "programme.Edition":
            assert new_row.pk in new[type(new_row)], f"{label} {new_row.pk} is not reachable from the new edition"
    assert dump(rich) == before, "the old edition changed"
    assert {model: set(rows) for model, rows in rows_of(rich).items()} == {m: set(r) for m, r in old.items()}


def test_counts_and_what_stays_behind(rich, manager):
    done = services.clone_edition(source=rich, name="2026–2027", slug="2026-2027", shift=Shift(313 * 7),
                                  parts=ALL, actor=manager, token="t2")
    new, old = rows_of(done.edition), rows_of(rich)
    for label in ("programme.Module", "programme.Meetup", "programme.LearningOutcome", "programme.Requirement",
                  "programme.Outcome", "applications.Call", "applications.Question", "review.ReviewPhase",
                  "review.Criterion", "communications.MailTemplate", "coursework.Assignment", "feedback.Survey",
                  "feedback.Question", "certificates.CertificateRule"):
        model = apps.get_model(label)
        assert len(new[model]) == len(old[model]) > 0, label
    for label in ("applications.Application", "cohort.Participant", "review.Review", "communications.OutboxMessage"):
        assert not new[apps.get_model(label)], label
    assert [m.user for m in new[TeamMembership].values()] == [manager]
    edition = done.edition
    assert edition.published_at is None and not edition.is_current
    assert (edition.application_deadline.isoformat(), edition.acceptance_letter_on.isoformat()) == (
        "2026-04-30", "2026-05-29")
    assert edition.booklet_settings.introduction == "Meet the cohort."
    call = edition.calls.get()
    assert call.reference_prefix != rich.calls.get().reference_prefix
    assert call.admission_settings.released_at is None
    assert not call.review_phases.filter(is_active=True).exists()
    assert {s.state for s in edition.surveys.all()} == {"draft"}
    rich.refresh_from_db()
    assert rich.is_current and rich.published_at is not None


def test_questions_that_depend_on_another_point_at_the_copy(rich, manager):
    done = services.clone_edition(source=rich, name="N", slug="n", shift=Shift(0), parts=["call"], actor=manager)
    new_call = done.edition.calls.get()
    dependents = [q for q in new_call.questions.all() if q.depends_on_id]
    assert dependents
    assert all(q.depends_on.call_id == new_call.pk for q in dependents)


def test_only_the_chosen_parts_and_their_dependencies(rich, manager):
    done = services.clone_edition(source=rich, name="N", slug="n", shift=Shift(52 * 7), parts=["review"],
                                  actor=manager)
    edition = done.edition
    assert edition.calls.count() == 1
    assert edition.calls.get().criteria.count() == rich.calls.get().criteria.count() > 0
    assert not edition.modules.exists() and not edition.surveys.exists() and not edition.mail_templates.exists()


def test_a_taken_slug_is_refused(rich, manager):
    with pytest.raises(services.EditionError) as refused:
        services.clone_edition(source=rich, name="Again", slug=rich.slug, shift=Shift(0), parts=ALL, actor=manager)
    assert refused.value.field == "slug"
    assert Edition.objects.count() == 1


def test_the_same_token_makes_one_edition(rich, manager):
    first = services.clone_edition(source=rich, name="N", slug="n", shift=Shift(7), parts=ALL, actor=manager,
                                   token="same")
    second = services.clone_edition(source=rich, name="N", slug="n", shift=Shift(7), parts=ALL, actor=manager,
                                    token="same")
    assert first.created and not second.created and second.edition == first.edition
    assert Edition.objects.count() == 2
