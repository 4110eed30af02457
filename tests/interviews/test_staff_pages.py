"""The staff side of interviews: the call's overview, slots, invitations and the panel's page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campus.communications.models import OutboxMessage
from campus.interviews import services
from campus.interviews.models import InterviewSlot, Invitation
from campus.review.models import Review
from tests.applications.staff_factories import make_application, make_staff

from .conftest import Role, make_person


def signed_in(client, user):
    client.force_login(user)
    return client


def test_who_gets_in(client, call, manager, interviewer, foreign_interviewer, application, other_call):
    assert client.get("/staff/interviews/")["Location"].startswith("/accounts/login/")
    assert signed_in(client, make_staff("lead@example.org")).get("/staff/interviews/").status_code == 404
    assert signed_in(client, application.applicant).get("/staff/interviews/").status_code == 404
    assert signed_in(client, interviewer).get("/staff/interviews/").status_code == 200
    signed_in(client, foreign_interviewer)
    assert client.get(f"/staff/interviews/?call={call.pk}").status_code == 404
    page = client.get("/staff/interviews/").content.decode()
    assert "Other call" in page and application.reference not in page


def test_the_overview(client, call, manager, interviewer, invited, second_application, make_slot):
    booked = make_slot(hour=9)
    services.book(application=invited, slot=booked, actor=invited.applicant)
    make_slot(hour=10, link="", place="Harbour house, room 2")
    page = signed_in(client, manager).get("/staff/interviews/").content.decode()
    assert "2 slots, 1 free" in page
    assert "Harbour house, room 2" in page and "Ivan Interviewer" in page
    assert invited.reference in page and "Booked" in page
    # the invite form lists the submitted applications not invited yet
    assert f'name="application" value="{second_application.pk}"' in page
    assert f'name="application" value="{invited.pk}"' not in page
    # an interviewer sees the slots, not the managers' actions
    page = signed_in(client, interviewer).get("/staff/interviews/").content.decode()
    assert "Create slots" not in page and "Invite applicants" not in page
    assert f"/staff/interviews/slots/{booked.pk}/" in page


def test_overview_query_count_does_not_grow(client, call, manager, make_slot):
    signed_in(client, manager)
    make_slot(hour=8)
    make_application(call, email="a1@example.org")
    with CaptureQueriesContext(connection) as few:
        client.get("/staff/interviews/")
    for hour in range(9, 15):
        make_slot(hour=hour)
    applications = [make_application(call, email=f"b{i}@example.org") for i in range(5)]
    services.invite(applications=applications[:3], actor=manager)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/staff/interviews/").status_code == 200
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]


def test_create_consecutive_slots(client, call, manager, interviewer):
    signed_in(client, manager)
    assert client.get(f"/staff/interviews/calls/{call.pk}/slots/new/").status_code == 200
    response = client.post(f"/staff/interviews/calls/{call.pk}/slots/new/", {
        "local_start": "2031-03-02 09:00", "length": "30", "count": "3", "gap": "15",
        "timezone": "Europe/Vilnius", "online_link": "meet.example.org/abc", "place": "", "panel": [interviewer.pk],
    })
    assert response.status_code == 302
    slots = list(InterviewSlot.objects.order_by("starts_at"))
    assert len(slots) == 3
    assert [timezone.localtime(s.starts_at, s.zone).strftime("%H:%M") for s in slots] == ["09:00", "09:45", "10:30"]
    assert slots[0].starts_at.utcoffset().total_seconds() == 0  # stored in UTC
    assert slots[0].online_link == "https://meet.example.org/abc"
    assert all(list(s.panel.all()) == [interviewer] for s in slots)


def test_bad_slot_input_is_shown_next_to_the_field_and_kept(client, call, manager, interviewer, foreign_interviewer):
    signed_in(client, manager)
    response = client.post(f"/staff/interviews/calls/{call.pk}/slots/new/", {
        "local_start": "2031-03-02 09:00", "length": "30", "count": "3", "gap": "0",
        "timezone": "Mars/Olympus", "online_link": "", "place": "", "panel": [foreign_interviewer.pk],
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert "is not a time zone name" in page and "Give an online link or a place" in page
    assert "Select a valid choice" in page  # the foreign interviewer is not offered
    assert 'value="2031-03-02 09:00"' in page and 'value="Mars/Olympus"' in page
    assert not InterviewSlot.objects.exists()


def test_managers_actions_are_refused_to_interviewers_and_foreigners(client, call, interviewer, foreign_interviewer,
                                                                      make_slot, application, other_call):
    slot = make_slot()
    signed_in(client, interviewer)
    assert client.get(f"/staff/interviews/calls/{call.pk}/slots/new/").status_code == 403
    assert client.post(f"/staff/interviews/slots/{slot.pk}/delete/").status_code == 403
    assert client.post(f"/staff/interviews/slots/{slot.pk}/edit/", {}).status_code == 403
    assert client.post("/staff/interviews/invite/", {"application": [application.pk]}).status_code == 403
    signed_in(client, foreign_interviewer)
    assert client.get(f"/staff/interviews/calls/{call.pk}/slots/new/").status_code == 404
    assert client.post(f"/staff/interviews/slots/{slot.pk}/delete/").status_code == 404
    assert client.get(f"/staff/interviews/slots/{slot.pk}/").status_code == 404
    response = client.post("/staff/interviews/invite/", {"application": [application.pk]}, follow=True)
    assert "1 not found" in response.content.decode()
    assert InterviewSlot.objects.filter(pk=slot.pk).exists() and not Invitation.objects.exists()


def test_edit_and_delete(client, manager, make_slot, invited):
    slot = make_slot()
    signed_in(client, manager)
    page = client.get(f"/staff/interviews/slots/{slot.pk}/edit/").content.decode()
    start = timezone.localtime(slot.starts_at, slot.zone)
    assert f'value="{start:%Y-%m-%d %H:%M:%S}"' in page
    response = client.post(f"/staff/interviews/slots/{slot.pk}/edit/", {
        "local_start": f"{start:%Y-%m-%d} 13:00", "local_end": f"{start:%Y-%m-%d} 12:00",
        "timezone": "Europe/Helsinki", "online_link": "", "place": "Vaasa",
    })
    assert response.status_code == 200 and "must end after it starts" in response.content.decode()
    response = client.post(f"/staff/interviews/slots/{slot.pk}/edit/", {
        "local_start": f"{start:%Y-%m-%d} 13:00", "local_end": f"{start:%Y-%m-%d} 13:45",
        "timezone": "Europe/Helsinki", "online_link": "", "place": "Vaasa",
    })
    assert response.status_code == 302
    slot.refresh_from_db()
    assert timezone.localtime(slot.starts_at, slot.zone).strftime("%H:%M") == "13:00" and slot.place == "Vaasa"
    services.book(application=invited, slot=slot, actor=invited.applicant)
    response = client.post(f"/staff/interviews/slots/{slot.pk}/delete/", follow=True)
    assert "cancel the booking first" in response.content.decode()
    client.post(f"/staff/interviews/slots/{slot.pk}/cancel-booking/")
    client.post(f"/staff/interviews/slots/{slot.pk}/delete/")
    assert not InterviewSlot.objects.exists()


def test_the_invite_endpoint(client, call, manager, application, second_application,
                             django_capture_on_commit_callbacks):
    signed_in(client, manager)
    draft = make_application(call, email="draft@example.org", submit=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/staff/interviews/invite/", {
            "application": [application.pk, second_application.pk, draft.pk, 999999],
            "next": "/staff/admissions/?call=1", "message": "Looking forward to it.",
        })
    assert response.status_code == 302 and response["Location"] == "/staff/admissions/?call=1"
    assert set(Invitation.objects.values_list("application_id", flat=True)) == {application.pk, second_application.pk}
    assert OutboxMessage.objects.filter(event="interview_invitation", state="queued").count() == 2
    # again: nothing changes; a foreign "next" is not followed
    response = client.post("/staff/interviews/invite/", {"application": [application.pk],
                                                        "next": "https://evil.example/"}, follow=True)
    assert response.redirect_chain[0][0] == f"/staff/interviews/?call={call.pk}"
    assert "1 invited already (nothing changed)" in response.content.decode()
    assert OutboxMessage.objects.filter(event="interview_invitation").count() == 2
    # nothing chosen on another page's button (the board): said there, by a message
    response = client.post("/staff/interviews/invite/", {"next": "/staff/admissions/"}, follow=True)
    assert "Choose at least one application to invite." in response.content.decode()


def test_a_refused_invite_form_shows_its_error_summary_and_keeps_what_was_typed(client, call, manager, application,
                                                                                second_application):
    signed_in(client, manager)
    # nothing chosen: the overview again (200), the summary links to the first checkbox, the note is kept
    response = client.post("/staff/interviews/invite/", {
        "next": f"/staff/interviews/?call={call.pk}", "call": call.pk, "message": "Bring your <notes>."})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page
    assert 'class="error-summary"' in page and "Nobody was invited" in page
    assert ('<a href="#invite-application_0">Submitted applications not invited yet: '
            "Choose at least one application to invite.</a>") in page
    assert 'id="invite-application_0"' in page and 'aria-invalid="true"' in page
    assert "Bring your &lt;notes&gt;.</textarea>" in page
    # shown again at the form's own URL, the form still leads back to the overview (not to the POST-only URL)
    assert f'name="next" value="/staff/interviews/?call={call.pk}"' in page
    # a note too long: the chosen applications stay ticked, the summary links to the note
    response = client.post("/staff/interviews/invite/", {
        "next": "/staff/interviews/", "call": call.pk, "application": [second_application.pk],
        "message": "x" * 2001})
    page = response.content.decode()
    assert response.status_code == 200 and '<a href="#invite-message">' in page
    assert "at most 2000 characters" in page
    assert f'value="{second_application.pk}" id="invite-application_' in page
    ticked = page.split(f'value="{second_application.pk}"')[1].split(">")[0]
    assert "checked" in ticked
    assert not Invitation.objects.exists()


def test_cancel_invitation(client, manager, invited, make_slot):
    slot = make_slot()
    services.book(application=invited, slot=slot, actor=invited.applicant)
    signed_in(client, manager)
    client.post(f"/staff/interviews/invitations/{invited.interview_invitation.pk}/cancel/")
    slot.refresh_from_db()
    assert slot.booked_by is None
    assert Invitation.objects.get().cancelled_at is not None


@pytest.fixture
def booked_slot(invited, make_slot, interviewer):
    return services.book(application=invited, slot=make_slot(panel=[interviewer]), actor=invited.applicant)


def test_the_panel_page(client, booked_slot, interviewer, second_interviewer, foreign_interviewer, manager, criteria):
    url = f"/staff/interviews/slots/{booked_slot.pk}/"
    page = signed_in(client, interviewer).get(url).content.decode()
    assert "Aino Virtanen" in page and "Your assessment" in page
    for criterion in criteria:
        assert f"<legend>{criterion.name}" in page
    assert page.count('type="radio"') == 5 * len(criteria) + 3
    assert signed_in(client, manager).get(url).status_code == 200
    assert signed_in(client, second_interviewer).get(url).status_code == 404  # not on this panel
    assert signed_in(client, foreign_interviewer).get(url).status_code == 404


def test_record_an_assessment_and_bad_input(client, booked_slot, interviewer, criteria):
    url = f"/staff/interviews/slots/{booked_slot.pk}/"
    signed_in(client, interviewer)
    data = {"recommendation": "maybe", "comment_team": "Thoughtful answers."}
    data.update({f"criterion_{c.pk}": "4" for c in criteria[1:]})
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Give a score for “{criteria[0].name}”." in page and "Thoughtful answers." in page
    assert not Review.objects.exists()
    data[f"criterion_{criteria[0].pk}"] = "5"
    assert client.post(url, data).status_code == 302
    review = Review.objects.get()
    assert review.kind == "interview" and review.reviewer == interviewer and review.recommendation == "maybe"
    page = client.get(url).content.decode()
    assert f'name="criterion_{criteria[0].pk}" value="5" class' in page or "checked" in page


def test_panel_page_query_count_does_not_grow_with_the_panel(client, booked_slot, interviewer, criteria, edition,
                                                            manager):
    from tests.interviews.conftest import Role, make_person

    url = f"/staff/interviews/slots/{booked_slot.pk}/"
    signed_in(client, manager)
    services.record_assessment(slot=booked_slot, panel_member=interviewer, recommendation="yes",
                               scores={c.pk: 4 for c in criteria})
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    panel = [make_person(f"panel{i}@example.org", Role.INTERVIEWER, edition=edition) for i in range(4)]
    booked_slot.panel.add(*panel)
    for member in panel[:3]:
        services.record_assessment(slot=booked_slot, panel_member=member, recommendation="no",
                                   scores={c.pk: 3 for c in criteria})
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert page.count("(No)") == 3 and page.count("(Yes)") == 1
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]


def test_an_interviewer_whose_edition_has_no_call_gets_a_page_that_says_so(client, call, other_edition):
    """The staff bar shows "Interviews" to every interviewer; their page must open (200, with a word on why it
    is empty) when their edition has no call yet, and must show nothing of another edition's call."""
    from campus.core.plugins import staff as staff_sections

    lonely = make_person("lone.interviewer@example.org", Role.INTERVIEWER, edition=other_edition)
    assert "Interviews" in [section.title for section in staff_sections.visible_to(lonely)]
    response = signed_in(client, lonely).get("/staff/interviews/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "No call to interview for yet" in page and str(other_edition) in page
    assert call.title not in page and call.reference_prefix not in page
    assert client.get(f"/staff/interviews/?call={call.pk}").status_code == 404  # another edition's call
