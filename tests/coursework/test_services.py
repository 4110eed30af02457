"""The state machine and the services of coursework: attempts, policies, limits, late and closed, feedback."""

from datetime import timedelta

import pytest

from campus.communications.models import OutboxMessage
from campus.core.models import ActivityLog
from campus.coursework import services, states
from campus.coursework.models import Attempt, AttemptFile

from .conftest import detected, make_assignment

pytestmark = pytest.mark.django_db


def submit(assignment, participant, text="My answer", **kwargs):
    return services.submit_attempt(assignment=assignment, participant=participant, text=text,
                                   actor=participant.user, **kwargs)


def test_the_table_allows_only_the_moves_of_the_issue():
    assert states.ALLOWED[states.NOT_STARTED] == {states.SUBMITTED}
    assert states.ALLOWED[states.SUBMITTED] == {states.REVISION_ASKED, states.ACCEPTED}
    assert states.ALLOWED[states.REVISION_ASKED] == {states.SUBMITTED}
    assert states.ALLOWED[states.ACCEPTED] == set()
    assert set(states.LABELS) == set(states.STATES)
    with pytest.raises(states.TransitionNotAllowed):
        states.transition(None, states.ACCEPTED)


def test_transition_is_the_only_writer_of_the_state():
    from pathlib import Path

    import campus.coursework as app

    for path in Path(app.__file__).parent.rglob("*.py"):
        if path.name in ("states.py", "models.py") or "migrations" in path.parts:
            continue
        assert ".state = " not in path.read_text(), path


def test_submit_revise_accept(assignment, alice, lead1):
    first = submit(assignment, alice, uploads=[detected()])
    assert (first.number, first.state, first.late) == (1, states.SUBMITTED, False)
    assert AttemptFile.objects.get(attempt=first).file_name == "answer.pdf"
    with pytest.raises(services.CourseworkError, match="waiting for feedback"):
        submit(assignment, alice)  # a double click: one attempt
    services.decide(attempt=first, decision=states.REVISION_ASKED, feedback="Add the partners.", actor=lead1)
    second = submit(assignment, alice, text="Better")
    assert second.number == 2
    services.decide(attempt=second, decision=states.ACCEPTED, feedback="Well done.", actor=lead1)
    with pytest.raises(services.CourseworkError, match="accepted"):
        submit(assignment, alice)
    first.refresh_from_db()
    assert first.feedback == "Add the partners." and first.state == states.REVISION_ASKED  # history stays
    assert ActivityLog.objects.filter(action="coursework.attempt_decided").count() == 2


def test_feedback_is_mailed_through_the_outbox_once(assignment, alice, lead1):
    attempt = submit(assignment, alice)
    services.decide(attempt=attempt, decision=states.ACCEPTED, feedback="Good.", actor=lead1)
    message = OutboxMessage.objects.get(event=services.FEEDBACK_EVENT)
    assert message.recipient == alice.user and "Accepted" in message.subject
    assert f"/me/coursework/assignments/{assignment.pk}/" in message.body
    with pytest.raises(states.TransitionNotAllowed):
        services.decide(attempt=attempt, decision=states.ACCEPTED, feedback="Again.", actor=lead1)
    assert OutboxMessage.objects.filter(event=services.FEEDBACK_EVENT).count() == 1


def test_feedback_is_required(assignment, alice, lead1):
    attempt = submit(assignment, alice)
    with pytest.raises(services.CourseworkError):
        services.decide(attempt=attempt, decision=states.ACCEPTED, feedback="  ", actor=lead1)


def test_late_is_marked_not_refused(module1, lead1, alice):
    late = make_assignment(module1, lead1, due_in=timedelta(days=-1))
    assert submit(late, alice).late is True


def test_closed_refuses(module1, lead1, alice):
    closed = make_assignment(module1, lead1, closed=True)
    with pytest.raises(services.CourseworkError, match="closed"):
        submit(closed, alice)
    assert not Attempt.objects.exists()


def test_unpublished_and_empty_refused(module1, lead1, alice, assignment):
    draft = make_assignment(module1, lead1, published=False)
    with pytest.raises(services.CourseworkError, match="not open"):
        submit(draft, alice)
    with pytest.raises(services.CourseworkError, match="empty"):
        submit(assignment, alice, text="   ")


def test_never_reopens(module1, lead1, alice):
    once = make_assignment(module1, lead1, reopen="never")
    attempt = submit(once, alice)
    services.decide(attempt=attempt, decision=states.REVISION_ASKED, feedback="Redo.", actor=lead1)
    with pytest.raises(services.CourseworkError, match="one attempt"):
        submit(once, alice)


def test_by_hand_waits_for_the_lead(module1, lead1, alice):
    manual = make_assignment(module1, lead1, reopen="manual")
    attempt = submit(manual, alice)
    services.decide(attempt=attempt, decision=states.REVISION_ASKED, feedback="Redo.", actor=lead1)
    with pytest.raises(services.CourseworkError, match="by hand"):
        submit(manual, alice)
    services.reopen(attempt=attempt, actor=lead1)
    assert submit(manual, alice).number == 2


def test_by_hand_reopened_with_the_decision(module1, lead1, alice):
    manual = make_assignment(module1, lead1, reopen="manual")
    attempt = submit(manual, alice)
    services.decide(attempt=attempt, decision=states.REVISION_ASKED, feedback="Redo.", actor=lead1, reopen=True)
    assert submit(manual, alice).number == 2


def test_maximum_of_attempts(module1, lead1, alice):
    two = make_assignment(module1, lead1, max_attempts=2)
    for _ in range(2):
        attempt = submit(two, alice)
        services.decide(attempt=attempt, decision=states.REVISION_ASKED, feedback="Again.", actor=lead1)
    with pytest.raises(services.CourseworkError, match="every attempt"):
        submit(two, alice)


def test_journal_sharing_and_comments(alice, module1, module2, lead1):
    entry = services.save_entry(participant=alice, actor=alice.user, title="Week 1", body="Learnt a lot.")
    assert entry.shared_with is None and entry.shared_at is None
    with pytest.raises(services.CourseworkError, match="no longer shared"):
        services.add_comment(entry=entry, author=lead1, body="Hi")
    services.save_entry(participant=alice, actor=alice.user, entry=entry, title="Week 1", body="x",
                        shared_with=module1)
    assert entry.shared_at is not None
    comment = services.add_comment(entry=entry, author=lead1, body="Thanks for sharing.")
    assert comment.entry_id == entry.pk


def test_certificate_criterion(edition, assignment, assignment2, alice, bob, lead1, lead2):
    from campus.core.plugins import criteria

    criterion = criteria.get("assignments_accepted")
    for item, lead in ((assignment, lead1), (assignment2, lead2)):
        attempt = submit(item, alice)
        services.decide(attempt=attempt, decision=states.ACCEPTED, feedback="ok", actor=lead)
    attempt = submit(assignment, bob)
    services.decide(attempt=attempt, decision=states.ACCEPTED, feedback="ok", actor=lead1)
    verdicts = criterion.evaluate(edition, [alice, bob], {})
    assert verdicts[alice.pk].met and verdicts[alice.pk].reason == "2 of 2 assignments accepted"
    assert not verdicts[bob.pk].met and verdicts[bob.pk].reason == "1 of 2 assignments accepted"
