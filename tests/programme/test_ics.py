from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from campus.programme.models import Meetup

ZONES = {1: "Europe/Stockholm", 2: "Europe/Helsinki", 3: "Europe/Vilnius", 4: "Europe/Berlin"}


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_schedule_feed_holds_eight_meetups_in_their_zones(client, seeded):
    calendar = parse(client.get("/schedule.ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == 8
    timezones = {tz["TZID"] for tz in calendar.walk("VTIMEZONE")}
    assert timezones == set(ZONES.values())
    for event in events:
        start, end = event["DTSTART"], event["DTEND"]
        assert start.params["TZID"] == end.params["TZID"]
        assert start.params["TZID"] in ZONES.values()
        assert start.dt.tzinfo is not None
        assert end.dt - start.dt == timedelta(hours=28)
        assert str(event["UID"]).startswith("meetup-")
    kaunas = [e for e in events if "Kaunas" in str(e["LOCATION"])]
    assert len(kaunas) == 2
    assert {e["DTSTART"].params["TZID"] for e in kaunas} == {"Europe/Vilnius"}
    first = min(kaunas, key=lambda e: e["DTSTART"].dt)
    assert first["DTSTART"].dt == datetime(2021, 3, 15, 9, tzinfo=ZoneInfo("Europe/Vilnius"))
    assert "Digitalization in Business" in str(first["SUMMARY"])
    assert str(first["URL"]).endswith("/modules/3/")


@pytest.mark.django_db
@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_module_feed_holds_its_two_meetups(client, seeded, number):
    calendar = parse(client.get(f"/modules/{number}/schedule.ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    assert {e["DTSTART"].params["TZID"] for e in events} == {ZONES[number]}


@pytest.mark.django_db
def test_a_changed_meetup_time_reaches_the_feed(client, seeded):
    client.get("/schedule.ics")  # cached now
    meetup = Meetup.objects.get(module__number=2, kind="closing")
    meetup.starts_at = datetime(2021, 2, 17, 10, tzinfo=ZoneInfo("Europe/Helsinki"))
    meetup.save()
    events = parse(client.get("/modules/2/schedule.ics")).walk("VEVENT")
    starts = sorted(e["DTSTART"].dt for e in events)
    assert starts[1] == datetime(2021, 2, 17, 10, tzinfo=ZoneInfo("Europe/Helsinki"))
    events = parse(client.get("/schedule.ics")).walk("VEVENT")
    assert datetime(2021, 2, 17, 10, tzinfo=ZoneInfo("Europe/Helsinki")) in [e["DTSTART"].dt for e in events]
