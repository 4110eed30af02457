"""What coursework holds about a person, for subject access and erasure (registered in plugin.py): a
participant's attempts, files and journal; a team member's feedback and comments. Runs before the cohort's
handler (which deletes the participant rows): files are deleted from disk here."""

from campus.cohort.models import Participant
from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, shown

from . import services
from .models import Attempt, AttemptFile, JournalComment, JournalEntry


def participant_ids(person: Person) -> list[int]:
    if person.user is None:
        return []
    return list(Participant.objects.filter(user=person.user).values_list("pk", flat=True))


def attempts_of(ids) -> list:
    return list(Attempt.objects.filter(participant__in=ids).select_related("assignment__module")
                .prefetch_related("files").order_by("submitted_at", "id"))


def entries_of(ids) -> list:
    return list(JournalEntry.objects.filter(participant__in=ids).select_related("shared_with")
                .prefetch_related("comments").order_by("created_at", "id"))


class CourseworkHandler(PrivacyHandler):
    key, order = "coursework", 78

    def export(self, person: Person):
        ids = participant_ids(person)
        attempts, entries = attempts_of(ids), entries_of(ids)
        person.add_targets(attempts)
        person.add_targets(entries)
        files = []
        exported_attempts = []
        for attempt in attempts:
            names = []
            for row in attempt.files.all():
                name = f"coursework/attempt-{attempt.pk}-{row.pk}-{row.file_name}"
                files.append((name, row.file))
                names.append(name)
            exported_attempts.append({
                "assignment": attempt.assignment.title, "module": attempt.assignment.module.number,
                "number": attempt.number, "text": attempt.text, "submitted_at": iso(attempt.submitted_at),
                "late": attempt.late, "state": attempt.state, "feedback": attempt.feedback,
                "feedback_at": iso(attempt.feedback_at), "files": names,
                **({"handed_in": {"kind": attempt.handed_in_kind, "title": attempt.handed_in_title,
                                  "copy": attempt.handed_in_snapshot}} if attempt.handed_in_kind else {}),
            })
        journal = [{
            "title": e.title, "body": e.body, "written_at": iso(e.created_at),
            "shared_with_module": e.shared_with.number if e.shared_with else None, "shared_at": iso(e.shared_at),
            "comments": [{"body": c.body, "at": iso(c.created_at)} for c in e.comments.all()],
        } for e in entries]
        comments = []
        if person.user is not None:
            comments = [{"body": c.body, "at": iso(c.created_at)}
                        for c in JournalComment.objects.filter(author=person.user).order_by("created_at", "id")]
        return {"coursework_attempts": exported_attempts, "reflection_journal": journal,
                "journal_comments_written": comments}, files

    def plan(self, person: Person):
        ids = participant_ids(person)
        part = {"participants": ids, "attempts": attempts_of(ids), "entries": entries_of(ids),
                "files": list(AttemptFile.objects.filter(attempt__participant__in=ids))}
        person.add_targets(part["attempts"])
        person.add_targets(part["entries"])
        return part

    def describe(self, part, person):
        return [
            Section("Coursework", "deleted, with the files",
                    [f"{a.assignment.title}: attempt {a.number} of {shown(a.submitted_at)}" for a in part["attempts"]]
                    + [f"file {f.file_name}" for f in part["files"]], order=78),
            Section("Reflection journal", "deleted, with the comments",
                    [f"entry of {shown(e.created_at)}" for e in part["entries"]], order=78.5),
        ]

    def erase(self, part, person):
        counts = services.erase_participants(participants=part["participants"])
        if person.user is not None:
            counts["comments_unsigned"] = services.forget_author(user=person.user)
        return counts
