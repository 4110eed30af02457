"""What the attendance app holds about a person, for subject access and erasure (registered in plugin.py):
a participant's attendance; the rows a staff member recorded."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, plural, shown

from . import services
from .models import Attendance


def attendance_of(person: Person) -> list:
    if person.user is None:
        return []
    return list(Attendance.objects.filter(participant__user=person.user)
                .select_related("session__edition__programme", "session__meetup")
                .order_by("session__starts_at", "id"))


def recorded_by(person: Person) -> int:
    if person.user is None:
        return 0
    return Attendance.objects.filter(recorded_by=person.user).exclude(participant__user=person.user).count()


class AttendanceHandler(PrivacyHandler):
    key, order = "attendance", 78  # before cohort (80), whose participant rows it refers to

    def export(self, person: Person):
        rows = attendance_of(person)
        person.add_targets(rows)  # their check-ins (the roll calls are logged on the session: staff's, about many)
        return {"attendance": [
            {"edition": str(row.session.edition), "session": row.session.title,
             "meetup": row.session.meetup.title if row.session.meetup else None,
             "starts_at": iso(row.session.starts_at), "timezone": row.session.zone_name, "status": row.status,
             "remark": row.remark, "recorded": row.get_method_display(), "recorded_at": iso(row.recorded_at)}
            for row in rows
        ]}, []

    def summary(self, subject):
        if subject.user is None:
            return {}
        return {"attendance records": Attendance.objects.filter(participant__user=subject.user).count()}

    def plan(self, person: Person):
        rows = attendance_of(person)
        person.add_targets(rows)
        return {"rows": rows, "recorded": recorded_by(person)}

    def describe(self, part, person):
        return [
            Section("Attendance", "deleted",
                    [f"{row.session.title} ({shown(row.session.starts_at)}): {row.get_status_display()}"
                     for row in part["rows"]], order=78),
            Section("Attendance recorded for others", "recorded by nobody",
                    [plural(part["recorded"], "record")] if part["recorded"] else [], order=78.5),
        ]

    def erase(self, part, person):
        return {
            "attendance": services.erase_attendance(participants={row.participant_id for row in part["rows"]}),
            "attendance_recorded_by": services.forget_recorder(user=person.user) if person.user is not None else 0,
        }
