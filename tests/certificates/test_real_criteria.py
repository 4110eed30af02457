"""The certificate rules with the criteria the other apps register (not a test criterion): "meetups attended"
(attendance) and "every assignment accepted" (coursework), as a programme manager combines them. Pia attends and
gets her assignment accepted; Olli attends but only gets a revision asked: the preview says why he does not
qualify, issuing to everyone who qualifies issues Pia's certificate only, and it names what she did."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campus.programme.models import Meetup, Module

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition_with_coursework(edition, manager, pia, olli):
    from campus.attendance import services as attendance
    from campus.coursework import services as coursework

    module = Module.objects.get(edition=edition, number=1)
    meetup = Meetup.objects.filter(module=module).order_by("starts_at").first()
    start = timezone.now() - timedelta(hours=1)
    session = attendance.create_session(actor=manager, meetup=meetup, title="Opening circle", starts_at=start,
                                        ends_at=start + timedelta(hours=3))
    attendance.record_roll_call(session=session, marks={pia.pk: ("present", ""), olli.pk: ("late", "Train")},
                                actor=manager)
    assignment = coursework.save_assignment(module=module, actor=manager, title="Map your cluster",
                                            brief="Draw it.", due_at=timezone.now() + timedelta(days=7),
                                            published=True)
    for person, decision in ((pia, "accepted"), (olli, "revision_asked")):
        attempt = coursework.submit_attempt(assignment=assignment, participant=person, text="My map",
                                            actor=person.user)
        coursework.decide(attempt=attempt, decision=decision, feedback="Thank you.", actor=manager)
    return edition


def test_the_rules_of_attendance_and_coursework_decide_who_qualifies(edition_with_coursework, manager, pia, olli,
                                                                      django_capture_on_commit_callbacks):
    from campus.certificates import selectors, services

    edition = edition_with_coursework
    services.save_rules(edition=edition, chosen={"meetups_attended": {"minimum": 1}, "assignments_accepted": {}},
                        actor=manager)
    rules, lines = selectors.preview(edition)
    assert {rule.criterion.key for rule in rules} == {"meetups_attended", "assignments_accepted"}
    by_person = {line.participant.pk: line for line in lines}
    assert by_person[pia.pk].qualifies
    assert not by_person[olli.pk].qualifies
    reasons = {verdict.reason for _, verdict in by_person[olli.pk].verdicts}
    assert "1 of 1 meetup attended" in reasons  # late counts as attended
    assert "0 of 1 assignment accepted" in reasons

    with django_capture_on_commit_callbacks(execute=True):
        issued = services.issue(edition=edition, actor=manager)
    assert [certificate.participant_id for certificate in issued] == [pia.pk]


def test_a_higher_bar_of_meetups_stops_everyone_and_says_so(edition_with_coursework, manager, pia):
    from campus.certificates import selectors, services

    services.save_rules(edition=edition_with_coursework, chosen={"meetups_attended": {"minimum": 2}},
                        actor=manager)
    _, line = selectors.line_for(pia)
    assert not line.qualifies
    [(_, verdict)] = line.verdicts
    assert verdict.reason == "1 of 1 meetup attended; 2 needed"
