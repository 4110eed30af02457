"""Reads of sessions and attendance that the views, the plug-ins and the exports share. Every list is a fixed
number of queries, whatever the number of participants or sessions."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from campus.cohort.models import Participant
from campus.programme.models import Meetup, Module
from campus.team.permissions import is_manager, modules_led
from campus.team.selectors import editions_managed_by

from . import permissions
from .models import ATTENDED, Attendance, Session

SESSION_RELATED = ("meetup", "module", "edition__programme")


def editions_for_staff(user) -> list:
    return editions_managed_by(user, *permissions.STAFF_ROLES)


def modules_of(edition, *, only=None) -> list[Module]:
    """The modules of ``edition`` in order (those in ``only``, a set of ids, when given): one query."""
    modules = Module.objects.filter(edition=edition).order_by("number")
    return list(modules if only is None else modules.filter(pk__in=only))


def session_or_none(pk) -> Session | None:
    return Session.objects.select_related(*SESSION_RELATED).filter(pk=pk).first()


def meetup_or_none(pk) -> Meetup | None:
    return Meetup.objects.select_related("module__edition__programme").filter(pk=pk).first()


def staff_scope(user, edition) -> Q:
    """The sessions of ``edition`` that ``user`` runs: those of the modules they lead; the edition's own
    webinars for a manager."""
    scope = Q(edition=edition, module_id__in=modules_led(user, edition))
    if is_manager(user, edition):
        scope |= Q(edition=edition, module__isnull=True)
    return scope


def sessions_for_staff(user, edition, *, module_id=None) -> list[Session]:
    rows = Session.objects.filter(staff_scope(user, edition)).select_related(*SESSION_RELATED)
    if module_id:
        rows = rows.filter(module_id=module_id)
    return list(rows.order_by("starts_at", "id"))


def meetups_for_staff(user, edition) -> list[Meetup]:
    """The meetups of the modules ``user`` leads, each with its sessions (``meetup.session_list``)."""
    meetups = list(Meetup.objects.filter(module__edition=edition, module_id__in=modules_led(user, edition))
                   .select_related("module").order_by("starts_at", "id"))
    by_meetup: dict[int, list] = {}
    for session in Session.objects.filter(meetup__in=meetups).order_by("starts_at", "id"):
        by_meetup.setdefault(session.meetup_id, []).append(session)
    for meetup in meetups:
        meetup.session_list = by_meetup.get(meetup.pk, [])
        for session in meetup.session_list:
            session.meetup = meetup
    return meetups


def cohort_of(edition_id) -> list[Participant]:
    return list(Participant.objects.filter(edition_id=edition_id).select_related("user")
                .order_by("user__family_name", "user__given_name", "user__email", "pk"))


@dataclass
class RollCallRow:
    participant: Participant
    attendance: Attendance | None
    expected: bool

    @property
    def status(self) -> str:
        return self.attendance.status if self.attendance else ""


def roll_call(session: Session) -> list[RollCallRow]:
    """Every participant of the session's edition with their record (two queries)."""
    records = {a.participant_id: a for a in Attendance.objects.filter(session=session).select_related("recorded_by")}
    return [RollCallRow(p, records.get(p.pk), p.created_at <= session.ends_at) for p in cohort_of(session.edition_id)]


@dataclass
class Overview:
    sessions: list
    participants: list
    cells: dict = field(default_factory=dict)  # (participant id, session id) -> Attendance

    def rows(self):
        for participant in self.participants:
            cells = []
            for session in self.sessions:
                record = self.cells.get((participant.pk, session.pk))
                expected = participant.created_at <= session.ends_at
                cells.append((session, record, expected))
            attended = sum(1 for _s, record, _e in cells if record is not None and record.status in ATTENDED)
            yield participant, cells, attended


def overview(user, edition, *, module_id=None) -> Overview:
    """Participants × the sessions ``user`` runs in ``edition`` (three queries)."""
    sessions = sessions_for_staff(user, edition, module_id=module_id)
    participants = cohort_of(edition.pk)
    cells = {(a.participant_id, a.session_id): a
             for a in Attendance.objects.filter(session__in=[s.pk for s in sessions]).only(
                 "participant_id", "session_id", "status", "remark")}
    return Overview(sessions, participants, cells)


# --- the participant's view -----------------------------------------------------------------------------------


def sessions_of_edition(edition_id) -> list[Session]:
    return list(Session.objects.filter(edition_id=edition_id).select_related("meetup", "module")
                .order_by("starts_at", "id"))


def own_attendance(participant) -> dict[int, Attendance]:
    return {a.session_id: a for a in Attendance.objects.filter(participant=participant)}


def next_webinar(participant, *, now=None) -> Session | None:
    """The participant's next webinar (or the one running now)."""
    now = now or timezone.now()
    return (Session.objects.filter(edition_id=participant.edition_id, meetup__isnull=True, ends_at__gte=now)
            .select_related("module").order_by("starts_at", "id").first())
