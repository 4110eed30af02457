"""The certificate criterion (meetups attended: at least N of M) and the privacy handler (export, erasure)."""

import pytest

from campus.attendance import services
from campus.attendance.models import Attendance
from campus.core.plugins import criteria
from campus.core.plugins.privacy import Person, Subject
from campus.attendance.privacy_handler import AttendanceHandler

pytestmark = pytest.mark.django_db


def test_meetups_attended(edition, meetup1, meetup2, make_session, make_members, manager, django_assert_num_queries):
    criterion = criteria.get("meetups_attended")
    assert criterion is not None and criterion.describe({"minimum": 2}) == "At least 2 meetups attended"
    a1, a2 = make_session(meetup1, start=-60), make_session(meetup1, start=-30, title="Second part")
    b1 = make_session(meetup2, start=-20)
    make_session(None, edition=edition, title="Webinar", start=-10)  # webinars do not count
    keen, half, absent = make_members(3)
    services.record_roll_call(session=a1, marks={keen.pk: ("present", ""), half.pk: ("absent", ""),
                                                 absent.pk: ("absent", "")}, actor=manager)
    services.record_roll_call(session=a2, marks={half.pk: ("late", ""), absent.pk: ("excused", "")}, actor=manager)
    services.record_roll_call(session=b1, marks={keen.pk: ("late", "")}, actor=manager)
    with django_assert_num_queries(2):
        verdicts = criterion.evaluate(edition, [keen, half, absent], {"minimum": 2})
    assert verdicts[keen.pk] == criteria.Verdict(True, "2 of 2 meetups attended")
    assert verdicts[half.pk] == criteria.Verdict(False, "1 of 2 meetups attended; 2 needed")
    assert verdicts[absent.pk].met is False and verdicts[absent.pk].reason.startswith("0 of 2")
    more = make_members(20, prefix="z")
    with django_assert_num_queries(2):
        criterion.evaluate(edition, [keen, half, absent, *more], {"minimum": 1})


def test_export_and_erasure(meetup1, make_session, member, make_members, lead1):
    session = make_session(meetup1, start=-5)
    (other,) = make_members(1)
    services.record_roll_call(session=session, marks={member.pk: ("excused", "Flu"), other.pk: ("present", "")},
                              actor=lead1)
    handler = AttendanceHandler()
    person = Person(subject=Subject(user=member.user, emails=[member.user.email]))
    data, files = handler.export(person)
    assert files == [] and [(row["session"], row["status"], row["remark"]) for row in data["attendance"]] == [
        ("Morning session", "excused", "Flu")]
    assert "recorded_by" not in str(data) and lead1.email not in str(data)
    part = handler.plan(person)
    assert handler.describe(part, person)[0].rows
    assert handler.erase(part, person)["attendance"] == 1
    assert list(Attendance.objects.values_list("participant_id", flat=True)) == [other.pk]
    # the staff member who recorded it: their rows stay, recorded by nobody
    staff = Person(subject=Subject(user=lead1, emails=[lead1.email]))
    part = handler.plan(staff)
    assert part["recorded"] == 1
    assert handler.erase(part, staff)["attendance_recorded_by"] == 1
    assert Attendance.objects.get().recorded_by is None


def test_the_activity_about_a_person_is_their_own_check_in_only(meetup1, make_session, member, make_members):
    from campus.attendance import tokens
    from campus.core.models import ActivityLog
    from campus.privacy.access import about_condition

    session = make_session(meetup1, start=-5)
    (other,) = make_members(1)
    for who in (member, other):
        services.check_in(token=tokens.make(session.pk), user=who.user)
    person = Person(subject=Subject(user=member.user, emails=[member.user.email]))
    AttendanceHandler().export(person)
    about = ActivityLog.objects.filter(about_condition(person), action="attendance.checked_in")
    assert [entry.actor_id for entry in about] == [member.user.pk]
