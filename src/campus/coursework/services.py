"""The only place that changes coursework. Keyword-only arguments, one transaction each, an activity-log entry;
mail through the outbox (communications) once the transaction commits."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from campus.cohort.models import Participant
from campus.core.activity import log_activity
from campus.core.plugins import submissions
from campus.core.plugins.privacy import delete_file_on_commit

from . import states
from .models import Assignment, Attempt, AttemptFile, JournalComment, JournalEntry, Material

FEEDBACK_EVENT = "coursework_feedback"
MAX_FILES = 5


class CourseworkError(Exception):
    """A refusal the person reads (the message says why)."""


def _store(row, detected, content) -> None:
    row.file_name = detected.safe_name
    row.content_type = detected.content_type
    row.size = detected.size
    row.sha256 = detected.sha256
    content.seek(0)
    row.file.save(detected.safe_name, content, save=False)


# --- materials -----------------------------------------------------------------------------------------


@transaction.atomic
def save_material(*, module, actor, material: Material | None = None, title: str, body: str = "", link: str = "",
                  week: int | None = None, published: bool = False, order: int = 0, upload=None,
                  remove_file: bool = False) -> Material:
    """Create or change a material of ``module``. ``upload``: (detected, content) of a validated file."""
    creating = material is None
    material = material or Material(module=module)
    if material.module_id != module.pk:
        raise CourseworkError("This material belongs to another module.")
    material.title, material.body, material.link = title, body, link
    material.week, material.published, material.order = week, published, order
    if (upload is not None or remove_file) and material.file:
        delete_file_on_commit(material.file)
        material.file, material.file_name, material.content_type, material.size, material.sha256 = "", "", "", 0, ""
    if upload is not None:
        _store(material, *upload)
    material.save()
    log_activity(action="coursework.material_created" if creating else "coursework.material_changed",
                 target=material, actor=actor, module=module.pk, published=published)
    return material


@transaction.atomic
def delete_material(*, material: Material, actor) -> None:
    if material.file:
        delete_file_on_commit(material.file)
    log_activity(action="coursework.material_deleted", target=material, actor=actor, module=material.module_id)
    material.delete()


# --- assignments ---------------------------------------------------------------------------------------


@transaction.atomic
def save_assignment(*, module, actor, assignment: Assignment | None = None, title: str, brief: str, due_at,
                    reopen: str = Assignment.Reopen.UNTIL_ACCEPTED, max_attempts: int | None = None,
                    closed: bool = False, published: bool = False, submission_kind: str = "") -> Assignment:
    creating = assignment is None
    assignment = assignment or Assignment(module=module)
    if assignment.module_id != module.pk:
        raise CourseworkError("This assignment belongs to another module.")
    if reopen not in Assignment.Reopen.values:
        raise CourseworkError("Choose how the assignment reopens.")
    assignment.title, assignment.brief, assignment.due_at = title, brief, due_at
    assignment.reopen, assignment.max_attempts = reopen, max_attempts or None
    if submission_kind and submissions.get(submission_kind) is None:
        raise CourseworkError("Choose what participants hand in from the list.")
    assignment.closed, assignment.published = closed, published
    assignment.submission_kind = submission_kind or ""
    assignment.save()
    log_activity(action="coursework.assignment_created" if creating else "coursework.assignment_changed",
                 target=assignment, actor=actor, module=module.pk, published=published, closed=closed)
    return assignment


# --- attempts ------------------------------------------------------------------------------------------


@transaction.atomic
def submit_attempt(*, assignment: Assignment, participant: Participant, text: str, uploads=(), actor,
                   now=None, handed_in: int | None = None) -> Attempt:
    """A new attempt of ``participant`` (text and validated files: [(detected, content)]). Refused when the
    assignment is closed, not published, waiting for feedback, accepted, or its policy or maximum says no
    (``states.submission_refusal``); a submission after the due time is taken and marked late. The participant's
    row is locked, so a double click makes one attempt, never two."""
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    assignment = Assignment.objects.select_related("module").get(pk=assignment.pk)
    if not assignment.published or assignment.module.edition_id != participant.edition_id:
        raise CourseworkError("This assignment is not open to you.")
    kept = _handed_in(assignment, participant, handed_in)
    if kept is None and not (text or "").strip() and not uploads:
        raise CourseworkError("Write your answer or add a file: an empty attempt cannot be submitted.")
    if len(uploads) > MAX_FILES:
        raise CourseworkError(f"At most {MAX_FILES} files per attempt.")
    attempts = list(Attempt.objects.filter(assignment=assignment, participant=participant).order_by("number"))
    refusal = states.submission_refusal(assignment, attempts)
    if refusal:
        raise CourseworkError(refusal)
    latest = attempts[-1] if attempts else None
    came_from = states.transition(latest, states.SUBMITTED)
    now = now or timezone.now()
    attempt = Attempt.objects.create(
        assignment=assignment, participant=participant, number=len(attempts) + 1, text=text.strip(),
        submitted_at=now, late=now > assignment.due_at, state=states.SUBMITTED, **(kept or {}),
    )
    for detected, content in uploads:
        row = AttemptFile(attempt=attempt)
        _store(row, detected, content)
        row.save()
    log_activity(action="coursework.attempt_submitted", target=attempt, actor=actor,
                 **{"from": came_from, "to": states.SUBMITTED}, number=attempt.number, late=attempt.late,
                 files=len(uploads))
    return attempt


def _handed_in(assignment, participant, handed_in) -> dict | None:
    """The fields of the thing handed in (an assignment asking for a registered kind), with its snapshot."""
    if not assignment.submission_kind:
        return None
    kind = submissions.get(assignment.submission_kind)
    if kind is None:
        raise CourseworkError("This assignment asks for something that can no longer be handed in; ask the lead.")
    offered = dict(kind.choices_for(participant.user, participant.edition))
    if handed_in not in offered:
        raise CourseworkError(f"Choose what you hand in ({kind.label.lower()}).")
    return {"handed_in_kind": kind.key, "handed_in_id": handed_in, "handed_in_title": offered[handed_in][:300],
            "handed_in_snapshot": kind.snapshot(handed_in)}


@transaction.atomic
def decide(*, attempt: Attempt, decision: str, feedback: str, actor, reopen: bool = False) -> Attempt:
    """The module lead's feedback on a submitted attempt and the decision: revision asked or accepted. The
    participant is told by mail (the outbox). ``reopen`` (policy "by hand"): another attempt is allowed."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if decision not in (states.REVISION_ASKED, states.ACCEPTED):
        raise CourseworkError("Choose a decision: ask for a revision or accept.")
    if not feedback.strip():
        raise CourseworkError("Write your feedback: the participant reads it with the decision.")
    came_from = states.transition(attempt, decision)
    attempt.feedback = feedback.strip()
    attempt.feedback_at = timezone.now()
    attempt.feedback_by = actor if getattr(actor, "is_authenticated", False) else None
    attempt.reopened = bool(reopen) and decision == states.REVISION_ASKED
    attempt.save()
    log_activity(action="coursework.attempt_decided", target=attempt, actor=actor,
                 **{"from": came_from, "to": decision}, reopened=attempt.reopened)
    _mail_feedback(attempt, actor=actor)
    return attempt


@transaction.atomic
def reopen(*, attempt: Attempt, actor) -> Attempt:
    """Policy "by hand": the lead allows another attempt after a revision was asked."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.state != states.REVISION_ASKED:
        raise CourseworkError("Only work with a revision asked can be reopened.")
    if not attempt.reopened:
        attempt.reopened = True
        attempt.save(update_fields=["reopened", "updated_at"])
        log_activity(action="coursework.attempt_reopened", target=attempt, actor=actor)
    return attempt


def _mail_feedback(attempt: Attempt, *, actor) -> None:
    from campus.communications import services as outbox

    assignment = attempt.assignment
    user = attempt.participant.user
    outbox.compose(
        event=FEEDBACK_EVENT,
        edition=assignment.module.edition,
        to_user=user,
        context={
            "name": user.full_name,
            "assignment": assignment.title,
            "module": f"Module {assignment.module.number}: {assignment.module.title}",
            "decision": states.LABELS[attempt.state],
            "assignment_url": outbox.site_url() + reverse("coursework:assignment", args=[assignment.pk]),
        },
        dedupe_key=f"{FEEDBACK_EVENT}:{attempt.pk}:{attempt.state}",
        related=attempt,
        actor=actor,
        send=True,
    )


# --- the reflection journal ------------------------------------------------------------------------------


@transaction.atomic
def save_entry(*, participant: Participant, actor, entry: JournalEntry | None = None, title: str, body: str,
               shared_with=None) -> JournalEntry:
    """Write or change a journal entry of ``participant``; ``shared_with``: a module of their edition (or None:
    private)."""
    creating = entry is None
    entry = entry or JournalEntry(participant=participant)
    if entry.participant_id != participant.pk:
        raise CourseworkError("This entry is not yours.")
    if shared_with is not None and shared_with.edition_id != participant.edition_id:
        raise CourseworkError("Share an entry with a module of your edition only.")
    was_shared = entry.shared_with_id
    entry.title, entry.body = title.strip(), body.strip()
    entry.shared_with = shared_with
    if shared_with is None:
        entry.shared_at = None
    elif was_shared != shared_with.pk:
        entry.shared_at = timezone.now()
    entry.save()
    log_activity(action="coursework.entry_written" if creating else "coursework.entry_changed", target=entry,
                 actor=actor, shared=shared_with is not None)
    return entry


@transaction.atomic
def delete_entry(*, entry: JournalEntry, actor) -> None:
    log_activity(action="coursework.entry_deleted", target=entry, actor=actor)
    entry.delete()


@transaction.atomic
def add_comment(*, entry: JournalEntry, author, body: str) -> JournalComment:
    entry = JournalEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.shared_with_id is None:
        raise CourseworkError("This entry is no longer shared.")
    if not body.strip():
        raise CourseworkError("Write your comment.")
    comment = JournalComment.objects.create(entry=entry, author=author, body=body.strip())
    log_activity(action="coursework.entry_commented", target=entry, actor=author)
    return comment


# --- erasure (called by the privacy handler, which logs it) ---------------------------------------------


def erase_participants(*, participants) -> dict:
    """Every attempt (with its files) and journal entry (with comments) of ``participants`` (ids) deleted."""
    files = list(AttemptFile.objects.filter(attempt__participant__in=participants))
    for row in files:
        delete_file_on_commit(row.file)
    attempts = Attempt.objects.filter(participant__in=participants).delete()[1].get("coursework.Attempt", 0)
    entries = JournalEntry.objects.filter(participant__in=participants).delete()[1].get("coursework.JournalEntry", 0)
    return {"attempts": attempts, "attempt_files": len(files), "journal_entries": entries}


def forget_author(*, user) -> int:
    """A team member erased: their comments and feedback keep their text, without the author."""
    return (JournalComment.objects.filter(author=user).update(author=None)
            + Attempt.objects.filter(feedback_by=user).update(feedback_by=None))


def record_export(*, assignment, fmt: str, actor) -> None:
    """Who took the submissions list of which assignment, when (the list holds participants' names)."""
    log_activity(action="coursework.submissions_exported", target=assignment, actor=actor, format=fmt)
