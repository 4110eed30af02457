"""Which edition the public site shows (programme.selectors.pick_current_edition, services.refresh_current_edition)
and publishing: drafts never, the running or next published edition, else the one that ended last."""

from datetime import date, timedelta

import pytest

from campus.programme import selectors, services
from campus.programme.models import Edition, Module


def _copy(edition, slug, years, *, published=True):
    """A second edition: ``edition``'s fields and modules, ``years`` later."""
    shift = timedelta(days=364 * years)
    clone = Edition.objects.get(pk=edition.pk)
    clone.pk = None
    clone.slug, clone.name, clone.is_current = slug, slug, False
    clone.published_at = clone.published_at if published else None
    clone.application_deadline += shift
    clone.acceptance_letter_on += shift
    clone.save()
    for module in Module.objects.filter(edition=edition):
        module.pk, module.edition = None, clone
        module.starts_on += shift
        module.ends_on += shift
        module.save()
    return clone


def _span(edition):
    modules = Module.objects.filter(edition=edition)
    return min(m.starts_on for m in modules), max(m.ends_on for m in modules)


@pytest.mark.django_db
def test_a_draft_is_never_current_and_publishing_hands_over(seeded):
    pilot = Edition.objects.get(is_current=True)
    start, end = _span(pilot)
    draft = _copy(pilot, "next", 6, published=False)
    today = end + timedelta(days=30)  # the pilot has ended, the draft has not begun
    assert selectors.pick_current_edition(pilot.programme, today=today) == pilot

    services.publish_edition(edition=draft)
    assert selectors.pick_current_edition(pilot.programme, today=today) == draft
    services.refresh_current_edition(programme=pilot.programme, today=today)
    assert list(Edition.objects.filter(is_current=True)) == [draft]

    services.unpublish_edition(edition=draft)
    draft.refresh_from_db()
    assert draft.published_at is None and not draft.is_current
    assert Edition.objects.get(is_current=True) == pilot


@pytest.mark.django_db
def test_running_wins_over_next_and_the_last_ended_when_all_ended(seeded):
    pilot = Edition.objects.get(is_current=True)
    start, end = _span(pilot)
    later = _copy(pilot, "later", 2)
    assert start < end
    assert selectors.pick_current_edition(pilot.programme, today=start + timedelta(days=1)) == pilot
    assert selectors.pick_current_edition(pilot.programme, today=end + timedelta(days=1)) == later
    assert selectors.pick_current_edition(pilot.programme, today=date(2099, 1, 1)) == later
    assert selectors.pick_current_edition(pilot.programme, today=date(2000, 1, 1)) == pilot


@pytest.mark.django_db
def test_the_choice_takes_one_query_whatever_the_number_of_editions(seeded, django_assert_num_queries):
    pilot = Edition.objects.get(is_current=True)
    for years in (1, 2, 3):
        _copy(pilot, f"later-{years}", years)
    programme = pilot.programme
    with django_assert_num_queries(1):
        chosen = selectors.pick_current_edition(programme, today=date(2099, 1, 1))
    assert chosen.slug == "later-3"
