"""The participant's pages: their own sessions and attendance (nobody else's), webinar links for participants
only, the recording afterwards, the QR check-in URL; the plug-ins (home block, calendar, section)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campus.attendance import services, tokens
from campus.attendance.models import Attendance
from campus.core.plugins import calendar, participant as area
from tests.cohort.conftest import make_participant

pytestmark = pytest.mark.django_db
LINK = "https://meet.example.org/secret-room"


def test_own_attendance_only(client, edition, meetup1, make_session, member, make_members, lead1):
    session = make_session(meetup1, start=-5)
    (other,) = make_members(1)
    services.record_roll_call(session=session, marks={member.pk: ("excused", "Dentist"),
                                                      other.pk: ("absent", "OTHERSREMARK")}, actor=lead1)
    client.force_login(member.user)
    page = client.get("/me/attendance/").content.decode()
    assert "Morning session" in page and "Excused" in page and "Dentist" in page
    assert "OTHERSREMARK" not in page and "Familyp000" not in page


def test_webinar_link_for_participants_and_recording_afterwards(client, edition, make_session, member, lead1):
    make_session(None, edition=edition, title="EU funding", start=60, online_link=LINK,
                 recording_link="https://video.example.org/rec1")
    make_session(None, edition=edition, title="Partners", start=-180, minutes=60, online_link=LINK + "2",
                 recording_link="https://video.example.org/rec2")
    client.force_login(member.user)
    page = client.get("/me/attendance/").content.decode()
    assert LINK in page and "rec1" not in page  # upcoming: the link, no recording yet
    assert "rec2" in page and LINK + "2" not in page  # over: the recording, the link is gone
    home = client.get("/me/").content.decode()
    assert "Next webinar" in home and "EU funding" in home and LINK in home
    client.force_login(lead1)  # not a participant: the area says so, shows nothing
    response = client.get("/me/attendance/")
    assert response.status_code == 403 and LINK not in response.content.decode()


def test_check_in_by_the_qr_url(client, meetup1, make_session, member):
    session = make_session(meetup1, start=-5)
    url = f"/me/attendance/check-in/{tokens.make(session.pk)}/"
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(member.user)
    response = client.get(url)
    assert response.status_code == 200 and "You are checked in" in response.content.decode()
    assert Attendance.objects.get(participant=member).status == "present"
    assert client.post(url).status_code == 405
    response = client.get(f"/me/attendance/check-in/{session.pk}-1-{'0' * 24}/")
    assert response.status_code == 400 and "not valid" in response.content.decode()


def test_the_participant_page_queries_are_flat(client, edition, meetup1, make_session, member):
    client.force_login(member.user)
    make_session(meetup1)
    client.get("/me/attendance/")  # warm: programme, footer pages, forum link kept per content version after it
    with CaptureQueriesContext(connection) as few:
        assert client.get("/me/attendance/").status_code == 200
    for hour in range(5):
        session = make_session(meetup1, start=60 * (hour + 1))
        Attendance.objects.create(session=session, participant=member, status="present", method="roll_call",
                                  recorded_at=session.starts_at)
    make_session(None, edition=edition, title="Webinar")
    client.get("/me/attendance/")  # warm again: the sessions made above may have moved the content version on
    with CaptureQueriesContext(connection) as many:
        assert client.get("/me/attendance/").status_code == 200
    # pinned: the request's session and user, the participation (with the sections' "in a coaching group?"), the
    # records, the sessions, the content version (the layout's programme and pages are kept per version)
    assert len(few) == len(many) == 6, [q["sql"][:100] for q in many.captured_queries]


def test_the_calendar_has_sessions_and_webinars_in_their_zones(edition, meetup1, make_session, member):
    session = make_session(meetup1)
    make_session(None, edition=edition, title="EU funding", online_link=LINK, timezone_name="Europe/Riga")
    items = [item for item in calendar.items_for(member) if item.uid.startswith("attendance-")]
    assert {(item.kind, item.timezone) for item in items} == {("session", "Europe/Stockholm"),
                                                               ("webinar", "Europe/Riga")}
    assert f"attendance-session-{session.pk}" in {item.uid for item in items}
    assert all(LINK not in item.description + item.location for item in items)  # the feed never carries the link


def test_the_section_is_in_the_participant_area(member):
    assert "attendance:sessions" in {s.url_name for s in area.sections_for(member)}


def test_a_participant_of_another_edition_sees_none_of_it(client, edition, meetup1, make_session):
    from campus.programme.models import Edition

    make_session(meetup1, title="Only for this edition")
    other = Edition.objects.create(programme=edition.programme, name="2030", slug="2030", capacity=5,
                                   application_deadline=edition.application_deadline,
                                   acceptance_letter_on=edition.acceptance_letter_on, hours_per_week_min=1,
                                   hours_per_week_max=2)
    stranger = make_participant(other, "sam.stranger@example.org")
    client.force_login(stranger.user)
    assert "Only for this edition" not in client.get("/me/attendance/").content.decode()


def test_the_webinar_block_is_a_card_like_the_other_blocks_of_the_home(client, edition, make_session, member):
    """The block's class "participant-block" was styled nowhere: on /me/ it showed as bare text beside the bordered
    cards. It now uses the door's card (cohort's home-card, whose stylesheet the home loads)."""
    make_session(None, edition=edition, title="EU funding", start=60, online_link=LINK)
    client.force_login(member.user)
    home = client.get("/me/").content.decode()
    assert '<section class="home-card" aria-labelledby="next-webinar-title">' in home
    assert "cohort/cohort.css" in home
