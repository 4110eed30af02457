"""The applicant's side: the interview section of /apply/status/, booking, cancelling, the .ics."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campus.interviews import services
from campus.interviews.models import InterviewSlot


@pytest.fixture
def applicant_client(client, invited):
    client.force_login(invited.applicant)
    return client


def local(slot, fmt):
    return timezone.localtime(slot.starts_at, slot.zone).strftime(fmt)


def test_the_invited_applicant_sees_free_slots_in_their_own_zone(applicant_client, make_slot):
    helsinki = make_slot(zone="Europe/Helsinki", hour=9)
    lisbon = make_slot(zone="Europe/Lisbon", hour=14, link="", place="Rua Augusta 1, Lisbon")
    page = applicant_client.get("/apply/status/").content.decode()
    assert "Invited to an interview – please book a time" in page
    for slot in (helsinki, lisbon):
        assert local(slot, "%H:%M") in page and slot.timezone in page
        assert f'name="slot" value="{slot.pk}"' in page
    assert "Rua Augusta 1, Lisbon" in page
    assert "meet.example.org/room-1" not in page  # the link comes with the booking
    assert 'name="csrfmiddlewaretoken"' in page


def test_book_then_download_the_ics_then_cancel(applicant_client, invited, make_slot):
    slot = make_slot(zone="Europe/Helsinki")
    response = applicant_client.post("/apply/interview/book/", {"slot": slot.pk})
    assert response.status_code == 302 and response["Location"] == "/apply/status/"
    slot.refresh_from_db()
    assert slot.booked_by_id == invited.pk
    page = applicant_client.get("/apply/status/").content.decode()
    assert "Interview booked" in page and "https://meet.example.org/room-1" in page
    assert "Your interview is booked" in page
    ics = applicant_client.get("/apply/interview/interview.ics")
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    text = ics.content.decode()
    assert f"DTSTART;TZID=Europe/Helsinki:{local(slot, '%Y%m%dT%H%M%S')}" in text
    assert "no-cache" in ics.get("Cache-Control", "") or "max-age=0" in ics.get("Cache-Control", "")
    assert applicant_client.post("/apply/interview/cancel/").status_code == 302
    slot.refresh_from_db()
    assert slot.booked_by is None
    assert applicant_client.get("/apply/interview/interview.ics").status_code == 404


def test_a_taken_slot_says_so(applicant_client, invited, second_application, manager, make_slot):
    slot = make_slot()
    services.invite(applications=[second_application], actor=manager)
    services.book(application=second_application, slot=slot, actor=second_application.applicant)
    response = applicant_client.post("/apply/interview/book/", {"slot": slot.pk}, follow=True)
    assert "That slot was just taken, choose another." in response.content.decode()
    slot.refresh_from_db()
    assert slot.booked_by_id == second_application.pk


def test_nobody_sees_another_applicants_slot_or_link(client, invited, second_application, manager, make_slot):
    mine = make_slot(hour=9, link="https://meet.example.org/secret-room")
    services.book(application=invited, slot=mine, actor=invited.applicant)
    services.invite(applications=[second_application], actor=manager)
    client.force_login(second_application.applicant)
    page = client.get("/apply/status/").content.decode()
    assert "secret-room" not in page and f'value="{mine.pk}"' not in page
    assert "no free interview times" in page
    assert client.get("/apply/interview/interview.ics").status_code == 404
    # booking the other's slot by its id: refused, nothing changes
    response = client.post("/apply/interview/book/", {"slot": mine.pk}, follow=True)
    assert "just taken" in response.content.decode()
    mine.refresh_from_db()
    assert mine.booked_by_id == invited.pk


def test_an_uninvited_applicant_cannot_book(client, application, make_slot):
    slot = make_slot()
    client.force_login(application.applicant)
    assert "book a time" not in client.get("/apply/status/").content.decode()
    assert client.post("/apply/interview/book/", {"slot": slot.pk}).status_code == 404
    assert client.post("/apply/interview/cancel/").status_code == 404
    assert client.get("/apply/interview/interview.ics").status_code == 404
    assert InterviewSlot.objects.get().booked_by is None


def test_bad_input_is_refused_with_a_message(applicant_client, other_call, foreign_interviewer):
    from datetime import timedelta

    from .conftest import future

    start = future()
    foreign = services.create_slot(call=other_call, starts_at=start, ends_at=start + timedelta(minutes=30),
                                   timezone_name="Europe/Riga", place="Riga", actor=foreign_interviewer)
    for data in ({}, {"slot": "abc"}, {"slot": "999999"}, {"slot": foreign.pk}):
        response = applicant_client.post("/apply/interview/book/", data, follow=True)
        assert response.status_code == 200
        assert "Choose one of the interview times below." in response.content.decode()
    assert InterviewSlot.objects.get().booked_by is None


def test_the_status_page_query_count_does_not_grow_with_slots(applicant_client, make_slot):
    make_slot(hour=8)
    applicant_client.get("/apply/status/")  # the content kept by the process (campus.core.content_memo)
    with CaptureQueriesContext(connection) as few:
        assert applicant_client.get("/apply/status/").status_code == 200
    for hour in range(9, 20):
        make_slot(hour=hour)
    with CaptureQueriesContext(connection) as many:
        page = applicant_client.get("/apply/status/").content.decode()
    assert page.count('name="slot"') == 12
    assert len(many) == len(few)
