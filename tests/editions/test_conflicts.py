"""The date shift and the conflicts of a clone's preview and of a draft (checked again on its real rows)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from campus.core.plugins import clone
from campus.core.plugins.clone import Shift
from campus.editions import selectors, services
from campus.programme.models import Meetup, Module

ALL = [part.key for part in clone.parts()]
TODAY = date(2026, 12, 7)


def messages(conflicts, level=None):
    return [c.message for c in conflicts if level is None or c.level == level]


def test_a_meetup_keeps_its_wall_clock_time_across_a_change_of_summer_time():
    shift = Shift(7 * 21)  # 09:00 in Helsinki in winter (UTC+2) -> 09:00 in summer (UTC+3)
    winter = datetime(2027, 2, 15, 9, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
    moved = shift.moment(winter, "Europe/Helsinki")
    local = moved.astimezone(ZoneInfo("Europe/Helsinki"))
    assert (local.hour, local.minute, local.date()) == (9, 0, date(2027, 7, 12))
    assert moved.utcoffset().total_seconds() == 0 and moved.hour == 6  # stored in UTC: 06:00, no longer 07:00
    assert local.weekday() == winter.weekday()


def test_the_clone_moves_meetups_at_the_same_local_time(rich, manager):
    done = services.clone_edition(source=rich, name="N", slug="n", shift=Shift(313 * 7), parts=["meetups"],
                                  actor=manager)
    pairs = [(old, done.mapping.get(Meetup, old.pk)) for old in Meetup.objects.filter(module__edition=rich)]
    assert pairs
    for old, new in pairs:
        assert (new.local_start.time(), new.local_start.weekday()) == (old.local_start.time(), old.local_start.weekday())
        assert new.local_start.date() == old.local_start.date() + Shift(313 * 7).delta
    # Module 1 of 2020 started Tuesday 1 September 2020; 313 weeks later is Tuesday 1 September 2026
    assert done.edition.modules.get(number=1).starts_on == date(2026, 9, 1)


def test_the_preview_of_six_years_later_finds_dates_in_the_past(rich):
    preview = selectors.preview(rich, Shift(313 * 7), ALL, today=TODAY)
    errors = messages(preview.conflicts, "error")
    assert any("application deadline" in m and "in the past" in m for m in errors)
    assert any("Module 1" in m and "in the past" in m for m in errors)
    assert any("meetup" in m and "in the past" in m for m in errors)
    assert preview.plans["modules"].counts["modules"] == 4
    assert preview.plans["meetups"].counts["meetups"] == 8
    assert dict(preview.shared)["FAQ"] > 0


def test_seven_years_later_has_no_errors(rich):
    preview = selectors.preview(rich, Shift(365 * 7), ALL, today=TODAY)
    assert not preview.errors, messages(preview.errors)


def test_a_meetup_on_a_public_holiday_is_a_warning(rich):
    meetup = Meetup.objects.filter(module__edition=rich, module__number=2).order_by("starts_at").first()
    meetup.starts_at = datetime(2020, 12, 6, 9, 0, tzinfo=ZoneInfo("Europe/Helsinki"))  # Independence Day (FI)
    meetup.ends_at = datetime(2020, 12, 6, 17, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
    meetup.country = "FI"
    meetup.save()
    preview = selectors.preview(rich, Shift(0), ["meetups"], today=date(2020, 1, 1))
    warnings = messages(preview.conflicts, "warning")
    assert any("Independence Day" in m and "public holiday in FI" in m for m in warnings), warnings
    assert not preview.errors


def test_relations_between_the_dates(rich):
    rich.acceptance_letter_on = date(2020, 4, 1)  # before the deadline (30 April)
    module2 = Module.objects.get(edition=rich, number=2)
    module2.starts_on = date(2020, 11, 1)  # Module 1 ends on 6 November: an overlap
    module2.save()
    preview = selectors.preview(rich, Shift(0), ALL, today=date(2020, 1, 1))
    errors = " ".join(messages(preview.errors))
    assert "after the acceptance letters" in errors
    assert "the modules overlap" in errors
    assert "not before the acceptance letters" in errors  # the call closes after the letters
    rich.acceptance_letter_on = date(2020, 9, 15)  # after Module 1 starts
    errors = " ".join(messages(selectors.preview(rich, Shift(0), ALL, today=date(2020, 1, 1)).errors))
    assert "would go out after Module 1 starts" in errors


def test_a_draft_is_checked_on_its_own_rows_and_publishing_waits(rich, manager):
    done = services.clone_edition(source=rich, name="N", slug="n", shift=Shift(313 * 7), parts=ALL,
                                  actor=manager)
    draft = done.edition
    rows = selectors.draft_conflicts(draft)
    assert any(c.is_error for c, _url in rows)
    module_links = [url for c, url in rows if c.fix == "module"]
    assert module_links and all(url.startswith("/staff/content/programme/module/") for url in module_links)
    new_module_ids = {str(m.pk) for m in draft.modules.all()}
    assert all(url.split("/")[-3] in new_module_ids for url in module_links)
    with pytest.raises(services.EditionError):
        services.publish(edition=draft, actor=manager)
    draft.refresh_from_db()
    assert draft.published_at is None


def test_warnings_need_a_tick(rich, manager):
    done = services.clone_edition(source=rich, name="N", slug="n", shift=Shift(365 * 7), parts=["modules"],
                                  actor=manager)
    draft = done.edition
    Meetup.objects.create(module=draft.modules.get(number=2), title="On a holiday", country="FI",
                          timezone="Europe/Helsinki",
                          starts_at=datetime(2027, 12, 6, 9, 0, tzinfo=ZoneInfo("Europe/Helsinki")),
                          ends_at=datetime(2027, 12, 6, 17, 0, tzinfo=ZoneInfo("Europe/Helsinki")))
    rows = selectors.draft_conflicts(draft)
    assert [c.level for c, _ in rows] == ["warning"], [c.message for c, _ in rows]
    with pytest.raises(services.EditionError) as refused:
        services.publish(edition=draft, actor=manager)
    assert refused.value.field == "accept"
    services.publish(edition=draft, actor=manager, warnings_accepted=True)
    draft.refresh_from_db()
    assert draft.published_at is not None
    services.unpublish(edition=draft, actor=manager)
    draft.refresh_from_db()
    assert draft.published_at is None and not draft.is_current
