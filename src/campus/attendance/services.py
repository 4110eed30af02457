"""The only place that changes sessions and attendance. Keyword-only arguments, one transaction each, an
activity-log entry (one per roll call, not one per row)."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from campus.cohort.models import Participant
from campus.core.activity import log_activity

from . import tokens
from .models import ATTENDED, Attendance, Session

CHECK_IN_GRACE = timedelta(minutes=15)  # the QR check-in opens this long before the session starts
SESSION_FIELDS = ("title", "starts_at", "ends_at", "timezone", "online_link", "recording_link", "late_after_minutes")


class AttendanceError(Exception):
    """A refused change, with a message for the person who asked."""


class CheckInRefused(AttendanceError):
    def __init__(self, message: str, *, reason: str):
        super().__init__(message)
        self.reason = reason


def expected_at(participant, session) -> bool:
    """A participant is expected at a session unless they joined the cohort after it ended."""
    return participant.created_at <= session.ends_at


# --- sessions and webinars -----------------------------------------------------------------------------------


def create_session(*, actor, title: str, starts_at, ends_at, meetup=None, edition=None, module=None,
                   timezone_name: str = "", online_link: str = "", recording_link: str = "",
                   late_after_minutes: int = 10) -> Session:
    """A meetup's session (``meetup``), or a webinar of ``module`` or of ``edition``."""
    if meetup is not None:
        module, edition = meetup.module, meetup.module.edition
        timezone_name = meetup.timezone
    elif module is not None:
        edition = module.edition
    if edition is None:
        raise AttendanceError("A webinar belongs to an edition or a module.")
    if ends_at <= starts_at:
        raise AttendanceError("The session must end after it starts.")
    with transaction.atomic():
        session = Session.objects.create(
            edition=edition, module=module, meetup=meetup, title=title, starts_at=starts_at, ends_at=ends_at,
            timezone=timezone_name or (module.timezone if module is not None else "Europe/Berlin"),
            online_link=online_link, recording_link=recording_link, late_after_minutes=late_after_minutes)
        log_activity(action="attendance.session_created", target=session, actor=actor, title=title,
                     kind="session" if meetup is not None else "webinar")
    return session


def update_session(*, session: Session, actor, **changes) -> Session:
    unknown = set(changes) - set(SESSION_FIELDS)
    if unknown:
        raise ValueError(f"Not a field of a session: {sorted(unknown)}")
    starts, ends = changes.get("starts_at", session.starts_at), changes.get("ends_at", session.ends_at)
    if ends <= starts:
        raise AttendanceError("The session must end after it starts.")
    with transaction.atomic():
        row = Session.objects.select_for_update().get(pk=session.pk)
        changed = [name for name, value in changes.items() if getattr(row, name) != value]
        for name in changed:
            setattr(row, name, changes[name])
        if changed:
            row.save(update_fields=[*changed, "updated_at"])
            log_activity(action="attendance.session_changed", target=row, actor=actor, fields=sorted(changed))
    for name in changed:
        setattr(session, name, changes[name])
    return session


def delete_session(*, session: Session, actor) -> None:
    """Delete a session made by mistake; one with attendance recorded is kept (clear its roll call first)."""
    with transaction.atomic():
        row = Session.objects.select_for_update().filter(pk=session.pk).first()
        if row is None:
            return
        if Attendance.objects.filter(session=row).exists():
            raise AttendanceError("Attendance is recorded for this session: it is kept. Clear its roll call first "
                                  "if it was made by mistake.")
        log_activity(action="attendance.session_deleted", target=row, actor=actor, title=row.title)
        row.delete()


# --- roll call ------------------------------------------------------------------------------------------------


def record_roll_call(*, session: Session, marks: dict, actor, now=None) -> dict:
    """Apply the roll call: ``marks`` maps a participant's id to ``(status, remark)``; status "" clears the
    participant's row. Only the cells given are touched (the page sends only what staff changed, so a QR
    check-in made meanwhile is not overwritten). Participants of another edition are ignored. Returns counts."""
    now = now or timezone.now()
    ids = [int(pk) for pk in marks]
    with transaction.atomic():
        Session.objects.select_for_update().filter(pk=session.pk).first()  # one roll call at a time
        participants = set(Participant.objects.filter(edition_id=session.edition_id, pk__in=ids)
                           .values_list("pk", flat=True))
        existing = {a.participant_id: a for a in Attendance.objects.filter(session=session, participant_id__in=ids)}
        created, updated, cleared = [], [], []
        for pk in ids:
            if pk not in participants:
                continue
            status, remark = marks[pk]
            row = existing.get(pk)
            if not status:
                if row is not None:
                    cleared.append(row.pk)
                continue
            if row is None:
                created.append(Attendance(session=session, participant_id=pk, status=status, remark=remark,
                                          method=Attendance.Method.ROLL_CALL, recorded_by=actor, recorded_at=now))
            elif (row.status, row.remark) != (status, remark):
                row.status, row.remark = status, remark
                row.method, row.recorded_by, row.recorded_at = Attendance.Method.ROLL_CALL, actor, now
                row.updated_at = now  # bulk_update does not touch auto_now fields
                updated.append(row)
        Attendance.objects.bulk_create(created)
        if updated:
            Attendance.objects.bulk_update(updated, ["status", "remark", "method", "recorded_by", "recorded_at",
                                                     "updated_at"])
        if cleared:
            Attendance.objects.filter(pk__in=cleared).delete()
        counts = {"recorded": len(created), "changed": len(updated), "cleared": len(cleared)}
        if any(counts.values()):
            log_activity(action="attendance.roll_call", target=session, actor=actor, **counts)
    return counts


def mark_rest_absent(*, session: Session, actor, now=None) -> int:
    """After the session has started: every expected participant without a record is marked absent. Someone who
    joined the cohort after the session ended is not expected there, and is left out."""
    now = now or timezone.now()
    if now < session.starts_at:
        raise AttendanceError("The session has not started yet: nobody can be absent from it.")
    with transaction.atomic():
        Session.objects.select_for_update().filter(pk=session.pk).first()
        recorded = set(Attendance.objects.filter(session=session).values_list("participant_id", flat=True))
        missing = [pk for pk in Participant.objects.filter(edition_id=session.edition_id,
                                                            created_at__lte=session.ends_at)
                   .values_list("pk", flat=True) if pk not in recorded]
        Attendance.objects.bulk_create([
            Attendance(session=session, participant_id=pk, status=Attendance.Status.ABSENT,
                       method=Attendance.Method.ROLL_CALL, recorded_by=actor, recorded_at=now) for pk in missing])
        if missing:
            log_activity(action="attendance.rest_absent", target=session, actor=actor, absent=len(missing))
    return len(missing)


# --- QR self check-in -----------------------------------------------------------------------------------------

MESSAGES = {
    "invalid": "This check-in code is not valid. Scan the code on the screen in the room again.",
    "expired": "This code is from an earlier moment (it changes every 30 seconds). Scan the code on the screen "
               "in the room again.",
    "not_participant": "This check-in is for the participants of another edition.",
    "not_started": "This session has not started yet: check in when it begins.",
    "over": "This session is over: check-in is closed. Ask the module lead if you were there.",
}


def check_in(*, token: str, user, now=None) -> Attendance:
    """Mark ``user`` present at the session of ``token`` (late after start + the session's late minutes).
    Only while the session runs (from ``CHECK_IN_GRACE`` before its start to its end), only with a code of the
    current or the previous window, only for a participant of the session's edition. Checking in again changes
    nothing."""
    now = now or timezone.now()
    reading = tokens.read(token, now=now)
    if reading.verdict != "ok":
        raise CheckInRefused(MESSAGES[reading.verdict], reason=reading.verdict)
    session = Session.objects.select_related("meetup", "module").filter(pk=reading.session_id).first()
    if session is None:
        raise CheckInRefused(MESSAGES["invalid"], reason="invalid")
    participant = Participant.objects.filter(edition_id=session.edition_id, user=user).first()
    if participant is None:
        raise CheckInRefused(MESSAGES["not_participant"], reason="not_participant")
    if now < session.starts_at - CHECK_IN_GRACE:
        raise CheckInRefused(MESSAGES["not_started"], reason="not_started")
    if now > session.ends_at:
        raise CheckInRefused(MESSAGES["over"], reason="over")
    late = now > session.starts_at + timedelta(minutes=session.late_after_minutes)
    status = Attendance.Status.LATE if late else Attendance.Status.PRESENT
    try:
        with transaction.atomic():
            row = Attendance.objects.select_for_update().filter(session=session, participant=participant).first()
            if row is not None and row.status in ATTENDED:
                return row  # checked in already (or seen at the roll call): nothing changes
            if row is None:
                row = Attendance.objects.create(session=session, participant=participant, status=status,
                                                method=Attendance.Method.QR, recorded_by=user, recorded_at=now)
            else:  # marked absent or excused before they arrived
                row.status, row.method, row.recorded_by, row.recorded_at = status, Attendance.Method.QR, user, now
                row.save(update_fields=["status", "method", "recorded_by", "recorded_at", "updated_at"])
            log_activity(action="attendance.checked_in", target=row, actor=user, status=status,
                         session=session.pk)  # about the person's own row: their subject access finds it
    except IntegrityError:  # a double scan at the same instant: the other one recorded it
        row = Attendance.objects.get(session=session, participant=participant)
    row.session = session
    return row


# --- erasure (called by the privacy handler) ---------------------------------------------------------------------


def erase_attendance(*, participants) -> int:
    """Erasure of a person: their attendance rows (participant ids) are deleted."""
    return Attendance.objects.filter(participant_id__in=participants).delete()[0]


def forget_recorder(*, user) -> int:
    """Erasure of a staff member: the rows they recorded stay, recorded by nobody."""
    return Attendance.objects.filter(recorded_by=user).update(recorded_by=None)
