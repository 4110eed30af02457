from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from campus.core.models import ActivityLog
from campus.programme.models import (
    FAQ,
    Benefit,
    Edition,
    LearningOutcome,
    Meetup,
    Module,
    Outcome,
    Page,
    Partner,
    Programme,
    Requirement,
)
from campus.programme.services import load_seed_edition

ALL_MODELS = [Programme, Edition, Requirement, Outcome, Partner, Module, LearningOutcome, Meetup, Benefit, FAQ, Page]


def snapshot():
    return {model.__name__: sorted(map(str, model.objects.values_list())) for model in ALL_MODELS}


@pytest.mark.django_db
def test_seed_holds_the_facts_of_the_seed_page(seeded):
    edition = seeded
    programme = edition.programme
    assert programme.tagline == "Level up your cluster?"
    assert edition.is_current and edition.capacity == 20
    assert edition.application_deadline == date(2020, 4, 30)
    assert edition.acceptance_letter_on == date(2020, 5, 29)
    assert edition.price_eur == 0 and edition.estimated_value_eur == 10000
    assert (edition.hours_per_week_min, edition.hours_per_week_max) == (5, 9)
    assert edition.outcomes.count() == 6
    assert [r.code for r in edition.requirements.all()] == ["english", "experience", "project-management", "eu-resident"]
    assert programme.benefits.count() == 4
    rows = list(edition.modules.values_list("number", "city", "country", "provider__name", "starts_on", "ends_on"))
    assert rows == [
        (1, "Karlshamn", "SE", "Hyper Island", date(2020, 9, 1), date(2020, 11, 6)),
        (2, "Vaasa", "FI", "University of Vaasa", date(2020, 11, 30), date(2021, 2, 19)),
        (3, "Kaunas", "LT", "Kaunas University of Technology", date(2021, 3, 15), date(2021, 5, 21)),
        (4, "Wildau", "DE", "Technical University of Applied Sciences Wildau", date(2021, 8, 30), date(2021, 11, 5)),
    ]


@pytest.mark.django_db
def test_meetups_are_stored_in_utc_and_keep_their_own_zone(seeded):
    assert Meetup.objects.count() == 8
    zones = dict(Module.objects.values_list("number", "timezone"))
    assert zones == {1: "Europe/Stockholm", 2: "Europe/Helsinki", 3: "Europe/Vilnius", 4: "Europe/Berlin"}
    for meetup in Meetup.objects.select_related("module"):
        assert meetup.timezone == meetup.module.timezone
        assert meetup.local_start.hour == 9  # 09:00 wall-clock time where the meetup is
        assert meetup.local_end - meetup.local_start == datetime(2020, 1, 2, 13) - datetime(2020, 1, 1, 9)  # 1.5 days
    kaunas = Meetup.objects.get(module__number=3, kind="opening")
    assert kaunas.starts_at == datetime(2021, 3, 15, 9, tzinfo=ZoneInfo("Europe/Vilnius"))
    assert kaunas.starts_at.astimezone(ZoneInfo("UTC")).hour == 7  # EET is UTC+2 in March


@pytest.mark.django_db
def test_loading_twice_changes_nothing(unseeded):
    first = load_seed_edition()
    before = snapshot()
    second = load_seed_edition()
    assert first == {"programme_created": True, "edition_created": True}
    assert second == {"programme_created": False, "edition_created": False}
    assert snapshot() == before


@pytest.mark.django_db
def test_reloading_keeps_what_staff_changed(seeded):
    module = Module.objects.get(number=3)
    module.starts_on = date(2021, 3, 22)
    module.save()
    Outcome.objects.filter(edition=seeded).first().delete()
    call_command("load_seed_edition")
    assert Module.objects.get(number=3).starts_on == date(2021, 3, 22)
    assert Outcome.objects.filter(edition=seeded).count() == 5


@pytest.mark.django_db
def test_command_reports_and_logs(unseeded, capsys):
    call_command("load_seed_edition")
    call_command("load_seed_edition")
    out = capsys.readouterr().out
    assert "programme created, edition created" in out
    assert "programme already there, edition already there" in out
    assert ActivityLog.objects.filter(action="programme.seed_edition_loaded").count() == 1
