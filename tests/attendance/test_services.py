"""The services: QR token windows, when check-in works, late joiners, the roll call, leads of other modules."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campus.attendance import permissions, services, tokens
from campus.attendance.models import Attendance
from campus.core.models import ActivityLog
from tests.cohort.conftest import make_participant

pytestmark = pytest.mark.django_db


def test_a_token_is_good_in_its_window_and_the_next_and_refused_after(meetup1, make_session):
    session = make_session(meetup1)
    moment = timezone.now()
    token = tokens.make(session.pk, now=moment)
    assert tokens.read(token, now=moment) == tokens.Reading(session.pk, "ok")
    assert tokens.read(token, now=moment + timedelta(seconds=tokens.WINDOW)).verdict == "ok"  # the previous window
    assert tokens.read(token, now=moment + timedelta(seconds=2 * tokens.WINDOW)).verdict == "expired"
    assert tokens.read(token, now=moment - timedelta(seconds=tokens.WINDOW)).verdict == "invalid"  # from the future


@pytest.mark.parametrize("bad", ["", "x", "1-2", "1-2-3", "a-b-c", "99999999999999-1-abc", "1--abc"])
def test_a_forged_or_mangled_token_is_invalid(bad):
    assert tokens.read(bad).verdict == "invalid"


def test_a_token_of_one_session_does_not_open_another(meetup1, make_session):
    first, second = make_session(meetup1), make_session(meetup1, title="Afternoon")
    session_id, window, mac = tokens.make(first.pk).split("-")
    assert tokens.read(f"{second.pk}-{window}-{mac}").verdict == "invalid"


def test_check_in_marks_present_then_late_and_once(meetup1, make_session, member, make_members):
    session = make_session(meetup1, start=-5)
    record = services.check_in(token=tokens.make(session.pk), user=member.user)
    assert (record.status, record.method, record.recorded_by) == ("present", "qr", member.user)
    again = services.check_in(token=tokens.make(session.pk), user=member.user)
    assert again.pk == record.pk and Attendance.objects.count() == 1
    later = session.starts_at + timedelta(minutes=session.late_after_minutes, seconds=1)
    late = services.check_in(token=tokens.make(session.pk, now=later), user=make_members(1)[0].user, now=later)
    assert late.status == "late"
    assert ActivityLog.objects.filter(action="attendance.checked_in").count() == 2


def test_check_in_of_an_earlier_window_is_refused_with_a_clear_message(meetup1, make_session, member):
    session = make_session(meetup1, start=-5)
    old = tokens.make(session.pk, now=timezone.now() - timedelta(seconds=3 * tokens.WINDOW))
    with pytest.raises(services.CheckInRefused) as refused:
        services.check_in(token=old, user=member.user)
    assert refused.value.reason == "expired" and "Scan the code on the screen" in str(refused.value)
    assert not Attendance.objects.exists()


def test_never_for_a_future_session_nor_after_the_end(meetup1, make_session, member):
    future = make_session(meetup1, start=60 * 24)
    with pytest.raises(services.CheckInRefused) as refused:
        services.check_in(token=tokens.make(future.pk), user=member.user)
    assert refused.value.reason == "not_started"
    soon = make_session(meetup1, start=10)  # inside the grace before the start: allowed, and on time
    assert services.check_in(token=tokens.make(soon.pk), user=member.user).status == "present"
    over = make_session(meetup1, start=-120, minutes=60)
    with pytest.raises(services.CheckInRefused) as refused:
        services.check_in(token=tokens.make(over.pk), user=member.user)
    assert refused.value.reason == "over"
    assert Attendance.objects.filter(participant=member).count() == 1


def test_only_a_participant_of_the_edition_checks_in(meetup1, make_session, lead1):
    session = make_session(meetup1, start=-5)
    with pytest.raises(services.CheckInRefused) as refused:
        services.check_in(token=tokens.make(session.pk), user=lead1)
    assert refused.value.reason == "not_participant"


def test_check_in_turns_an_absence_marked_early_into_late(meetup1, make_session, member, lead1):
    session = make_session(meetup1, start=-30)
    services.mark_rest_absent(session=session, actor=lead1)
    record = services.check_in(token=tokens.make(session.pk), user=member.user)
    assert record.status == "late" and record.method == "qr"


def test_a_late_joiner_is_not_marked_absent(edition, meetup1, make_session, member, lead1):
    earlier = make_session(meetup1, start=-300, minutes=60)
    newcomer = make_participant(edition, "nina.new@example.org")  # joined now: after ``earlier`` ended
    assert not services.expected_at(newcomer, earlier) and services.expected_at(member, earlier)
    assert services.mark_rest_absent(session=earlier, actor=lead1) == 1
    assert list(Attendance.objects.values_list("participant_id", "status")) == [(member.pk, "absent")]
    running = make_session(meetup1, start=-10)
    assert services.mark_rest_absent(session=running, actor=lead1) == 2  # both are expected now


def test_rest_absent_is_refused_before_the_start(meetup1, make_session, member, lead1):
    with pytest.raises(services.AttendanceError):
        services.mark_rest_absent(session=make_session(meetup1, start=60), actor=lead1)


def test_roll_call_touches_only_the_cells_given(edition, meetup1, make_session, make_members, lead1):
    session = make_session(meetup1, start=-5)
    a, b, c = make_members(3)
    counts = services.record_roll_call(session=session, marks={a.pk: ("present", ""), b.pk: ("excused", "Ill")},
                                       actor=lead1)
    assert counts == {"recorded": 2, "changed": 0, "cleared": 0}
    services.check_in(token=tokens.make(session.pk), user=c.user)
    counts = services.record_roll_call(session=session, marks={a.pk: ("late", "Train"), b.pk: ("", "")}, actor=lead1)
    assert counts == {"recorded": 0, "changed": 1, "cleared": 1}
    rows = dict(Attendance.objects.values_list("participant_id", "status"))
    assert rows == {a.pk: "late", c.pk: "present"}
    # a participant of another edition is ignored
    assert services.record_roll_call(session=session, marks={999999: ("present", "")}, actor=lead1) == {
        "recorded": 0, "changed": 0, "cleared": 0}


def test_the_lead_of_another_module_may_not_run_the_session(meetup1, meetup2, make_session, manager, lead1, lead2,
                                                            edition, module1):
    session = make_session(meetup1)
    assert permissions.can_run_session(lead1, session) and permissions.can_run_session(manager, session)
    assert not permissions.can_run_session(lead2, session)
    webinar = make_session(None, edition=edition, title="EU funding")
    assert permissions.can_run_session(manager, webinar)
    assert not permissions.can_run_session(lead1, webinar)  # a webinar of the whole edition: managers only
    module_webinar = make_session(None, module=module1, title="Finding partners")
    assert module_webinar.timezone == module1.timezone and module_webinar.edition_id == edition.pk
    assert permissions.can_run_session(lead1, module_webinar) and not permissions.can_run_session(lead2, module_webinar)


def test_a_session_ends_after_it_starts(meetup1, manager):
    now = timezone.now()
    with pytest.raises(services.AttendanceError):
        services.create_session(actor=manager, meetup=meetup1, title="Backwards", starts_at=now, ends_at=now)


def test_update_logs_what_changed(meetup1, make_session, manager):
    session = make_session(meetup1)
    services.update_session(session=session, actor=manager, title="Opening talk", late_after_minutes=10)
    entry = ActivityLog.objects.filter(action="attendance.session_changed").get()
    assert entry.data["fields"] == ["title"]
