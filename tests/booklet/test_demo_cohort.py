"""``manage.py booklet_demo_cohort``: generated participants with profiles, photos and consent; refuses a second
run for the same edition; the seed has none of them."""

import io

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from campus.booklet import demo, selectors
from campus.booklet.models import BookletProfile, ConsentLevel
from campus.cohort.models import Participant


def test_fills_the_edition_once(edition):
    assert not BookletProfile.objects.exists()  # the seed ships no people
    out = io.StringIO()
    call_command("booklet_demo_cohort", "--edition", edition.slug, "--count", "20", stdout=out)
    assert "20 participants" in out.getvalue()
    profiles = list(selectors.with_consent(BookletProfile.objects.filter(participant__edition=edition)))
    assert len(profiles) == 20 == Participant.objects.filter(edition=edition).count()
    assert {p.country for p in profiles} <= set(demo.COUNTRIES)
    assert len({p.country for p in profiles}) >= 4
    for profile in profiles:
        assert selectors.completeness(profile)["missing"] == []
        assert profile.participant.user.email.endswith("@" + demo.DOMAIN)
        assert not profile.participant.user.has_usable_password()
        with profile.photo.open("rb") as handle:
            image = Image.open(handle)
            assert image.format == "JPEG" and image.height > image.width
    levels = [p.consent_level for p in profiles]
    assert levels.count(ConsentLevel.PUBLIC) == 17  # every 7th participants only, every 19th nobody
    assert levels.count(ConsentLevel.PARTICIPANTS) == 2 and levels.count(ConsentLevel.NOBODY) == 1

    with pytest.raises(CommandError, match="already has a demo cohort"):
        call_command("booklet_demo_cohort", "--edition", edition.slug, "--count", "5")
    assert BookletProfile.objects.count() == 20


def test_same_seed_same_people():
    assert demo.people(30) == demo.people(30)
    assert demo.people(30) != demo.people(30, seed=7)


def test_unknown_edition_and_bad_count(edition):
    with pytest.raises(CommandError, match="No edition"):
        call_command("booklet_demo_cohort", "--edition", "no-such-edition", "--count", "3")
    with pytest.raises(CommandError, match="at least 1"):
        call_command("booklet_demo_cohort", "--edition", edition.slug, "--count", "0")
