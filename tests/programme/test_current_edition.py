"""Which edition the public site shows (programme.services.pick_current_edition / refresh_current_edition) and
publishing: drafts never, the running or next published edition, else the one that ended last."""

from datetime import date, timedelta

import pytest

from campus.programme import services
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


@pytest.mark.django_db
def test_a_draft_is_never_current_and_publishing_hands_over(seeded):
    pilot = Edition.objects.get(is_current=True)
    start, end = services.edition_span(pilot)
    draft = _copy(pilot, "next", 6, published=False)
    today = end + timedelta(days=30)  # the pilot has ended, the draft has not begun
    assert services.pick_current_edition(pilot.programme, today=today) == pilot

    services.publish_edition(edition=draft)
    assert services.pick_current_edition(pilot.programme, today=today) == draft
    services.refresh_current_edition(programme=pilot.programme, today=today)
    assert list(Edition.objects.filter(is_current=True)) == [draft]

    services.unpublish_edition(edition=draft)
    draft.refresh_from_db()
    assert draft.published_at is None and not draft.is_current
    assert Edition.objects.get(is_current=True) == pilot


@pytest.mark.django_db
def test_running_wins_over_next_and_the_last_ended_when_all_ended(seeded):
    pilot = Edition.objects.get(is_current=True)
    start, end = services.edition_span(pilot)
    later = _copy(pilot, "later", 2)
    assert start < end
    assert services.pick_current_edition(pilot.programme, today=start + timedelta(days=1)) == pilot
    assert services.pick_current_edition(pilot.programme, today=end + timedelta(days=1)) == later
    assert services.pick_current_edition(pilot.programme, today=date(2099, 1, 1)) == later
    assert services.pick_current_edition(pilot.programme, today=date(2000, 1, 1)) == pilot
