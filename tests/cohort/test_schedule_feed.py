"""The schedule (/me/schedule/) and the private calendar feed: every item of the registry, grouped by month, in
its own zone; the feed is valid iCalendar with real TZIDs, found by a secret token that can be replaced and
revoked (the old address answers 404)."""

from datetime import date

import icalendar
import pytest

from campus.cohort.models import Participant
from campus.core.plugins import calendar
from campus.core.plugins.calendar import CalendarItem
from tests.cohort.conftest import make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def anon():
    """Another browser (a calendar app): no session."""
    from django.test import Client

    return Client()


def _feed_url(participant_client, participant):
    participant_client.post("/me/schedule/feed/new/")
    participant.refresh_from_db()
    assert participant.feed_token and len(participant.feed_token) >= 40
    return f"/me/calendar/{participant.feed_token}.ics"


def test_the_schedule_groups_meetups_by_month_in_their_own_zone(participant_client):
    html = participant_client.get("/me/schedule/").content.decode()
    assert "September 2020" in html and "November 2020" in html
    # the opening meetup of module 1 in Karlshamn, in Stockholm's zone, the zone named
    assert "Tue 1 Sep 2020, 09:00 – Wed 2 Sep, 13:00 CEST (Europe/Stockholm)" in html
    assert "Module 1 opening meetup (On site)" in html
    assert "Make my calendar address" in html


def test_other_apps_items_appear_on_the_schedule_and_in_the_feed(participant_client, participant):
    def due(shown):
        return [CalendarItem(uid=f"due-{shown.pk}", title="Strategy assignment due", starts=date(2020, 10, 15),
                             kind="due")]

    calendar.register(due)
    try:
        html = participant_client.get("/me/schedule/").content.decode()
        assert "Strategy assignment due" in html and "Thu 15 Oct 2020" in html
        feed = icalendar.Calendar.from_ical(participant_client.get(_feed_url(participant_client, participant)).content)
        event = next(e for e in feed.walk("VEVENT") if str(e["SUMMARY"]) == "Strategy assignment due")
        assert event["DTSTART"].dt == date(2020, 10, 15) and event["DTEND"].dt == date(2020, 10, 16)
    finally:
        calendar.unregister(due)


def test_the_feed_is_valid_icalendar_with_real_tzids(participant_client, participant, anon):
    url = _feed_url(participant_client, participant)
    response = anon.get(url)  # no session: calendar apps do not sign in
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    raw = response.content
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    parsed = icalendar.Calendar.from_ical(raw)
    events = list(parsed.walk("VEVENT"))
    assert len(events) == 8  # the seed's eight meetups
    zones = {str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")}
    assert {"Europe/Stockholm", "Europe/Helsinki", "Europe/Vilnius", "Europe/Berlin"} <= zones
    for event in events:
        assert event["UID"] and event["DTSTAMP"]
        assert event["DTSTART"].params["TZID"] in zones
        assert str(event["DTSTART"].dt.tzinfo) == event["DTSTART"].params["TZID"]
    first = min(events, key=lambda e: e["DTSTART"].dt)
    assert first["DTSTART"].params["TZID"] == "Europe/Stockholm" and first["DTSTART"].dt.hour == 9
    assert b"TZID=Europe/Stockholm:20200901T090000" in raw


def test_text_is_escaped_in_the_feed(participant_client, participant, anon):
    from campus.programme.models import Meetup

    Meetup.objects.filter(module__number=1, kind="opening").update(title="Opening; with, commas\\ and a very "
                                                                         "long title that needs folding " * 2)
    raw = anon.get(_feed_url(participant_client, participant)).content
    unfolded = raw.replace(b"\r\n ", b"")
    assert b"Opening\\; with\\, commas\\\\ and" in unfolded


def test_a_new_token_replaces_the_old_one_and_revoking_ends_the_feed(participant_client, participant, anon):
    old = _feed_url(participant_client, participant)
    assert anon.get(old).status_code == 200
    new = _feed_url(participant_client, participant)
    assert new != old
    assert anon.get(old).status_code == 404
    assert anon.get(new).status_code == 200
    assert new.split("/")[-1].removesuffix(".ics") in participant_client.get("/me/schedule/").content.decode()
    participant_client.post("/me/schedule/feed/revoke/")
    assert anon.get(new).status_code == 404
    assert Participant.objects.get(pk=participant.pk).feed_token is None
    assert anon.get("/me/calendar/not-a-token.ics").status_code == 404


def test_the_feed_of_a_closed_account_answers_404(participant_client, participant, anon):
    url = _feed_url(participant_client, participant)
    participant.user.is_active = False
    participant.user.save()
    assert anon.get(url).status_code == 404


def test_feed_actions_are_post_only_and_for_participants(client, participant_client, seeded, django_user_model):
    assert participant_client.get("/me/schedule/feed/new/").status_code == 405
    stranger = django_user_model.objects.create_user(email="sam@example.org", password="a-long-password-1")
    client.force_login(stranger)
    assert client.post("/me/schedule/feed/new/").status_code == 403


def test_the_schedule_and_the_feed_cost_a_fixed_number_of_queries(participant_client, participant, anon,
                                                                   django_assert_num_queries, seeded):
    from campus.programme.models import Meetup, Module

    url = _feed_url(participant_client, participant)
    participant_client.get("/me/schedule/")
    # session, user, participation (with the sections' "has a coaching group?"), the content version (programme and
    # footer pages kept per version since the first request); the calendar providers: meetups (cohort), sessions
    # and webinars (attendance), due dates (coursework)
    with django_assert_num_queries(7):
        participant_client.get("/me/schedule/")
    # the participant by token (with edition, programme, user); one query per calendar provider: meetups,
    # sessions and webinars, due dates
    with django_assert_num_queries(4):
        anon.get(url)
    module = Module.objects.get(edition=seeded, number=1)
    template = Meetup.objects.filter(module=module).first()
    for n in range(10):
        Meetup.objects.create(module=module, title=f"Extra {n}", starts_at=template.starts_at,
                              ends_at=template.ends_at, timezone="Europe/Helsinki")
    # saving meetups bumps the content version: the next request reads programme, footer pages and the forum
    # link again (+3), so it warms up first
    participant_client.get("/me/schedule/")
    with django_assert_num_queries(7):
        assert "Extra 9" in participant_client.get("/me/schedule/").content.decode()
    with django_assert_num_queries(4):
        assert b"Extra 9" in anon.get(url).content


def test_a_participant_of_another_edition_sees_their_own_schedule_only(client, other_edition):
    other = make_participant(other_edition, "olli.other@example.org", given="Olli")
    client.force_login(other.user)
    html = client.get("/me/schedule/").content.decode()
    assert "Module 1 opening meetup" not in html
    assert "Nothing is scheduled yet." in html
