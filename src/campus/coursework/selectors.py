"""Reads of coursework shared by the views, the plugin and the exports (a fixed number of queries each)."""

from django.db.models import Count, Prefetch, Q

from campus.cohort.models import Participant
from campus.programme.models import Module
from campus.team.models import Role, TeamMembership
from campus.team.permissions import edition_ids_with_role

from . import permissions, states
from .models import Assignment, Attempt, AttemptFile, JournalComment, JournalEntry, Material


# --- staff -----------------------------------------------------------------------------------------------


def modules_for_staff(user) -> list[Module]:
    """The modules ``user`` leads, in every edition where they hold a role that leads (newest edition first),
    with counts of materials, assignments and shared journal entries."""
    editions = edition_ids_with_role(user, Role.MANAGER, Role.MODULE_LEAD)
    led = set()
    for edition_id in editions:
        led |= permissions.led_module_ids(user, edition_id)
    return list(
        Module.objects.filter(pk__in=led).select_related("edition__programme")
        .annotate(material_count=Count("materials", distinct=True),
                  assignment_count=Count("assignments", distinct=True))
        .order_by("-edition__application_deadline", "number")
    )


def module_for_staff(user, pk) -> Module | None:
    module = Module.objects.select_related("edition__programme").filter(pk=pk).first()
    if module is None or not permissions.can_lead(user, module):
        return None
    return module


def material_or_none(pk) -> Material | None:
    return Material.objects.select_related("module__edition").filter(pk=pk).first()


def materials_of(module) -> list[Material]:
    return list(Material.objects.filter(module=module))


def assignments_of(module) -> list[Assignment]:
    return list(Assignment.objects.filter(module=module).select_related("module")
                .annotate(attempt_count=Count("attempts")))


def assignment_for_staff(user, pk) -> Assignment | None:
    assignment = Assignment.objects.select_related("module__edition__programme").filter(pk=pk).first()
    if assignment is None or not permissions.can_lead(user, assignment.module):
        return None
    return assignment


def attempt_for_staff(user, pk) -> Attempt | None:
    attempt = (Attempt.objects.select_related("assignment__module__edition__programme", "participant__user",
                                              "feedback_by").filter(pk=pk).first())
    if attempt is None or not permissions.can_lead(user, attempt.assignment.module):
        return None
    return attempt


def _with_files():
    return Prefetch("files", queryset=AttemptFile.objects.order_by("id"))


def attempts_of(assignment, participant) -> list[Attempt]:
    """Every attempt of ``participant`` on ``assignment``, oldest first, with files and who gave feedback."""
    return list(Attempt.objects.filter(assignment=assignment, participant=participant)
                .select_related("feedback_by").prefetch_related(_with_files()).order_by("number"))


def submissions(assignment) -> list[dict]:
    """One row per participant of the assignment's edition: their latest attempt, the number of attempts and
    the state (two queries, whatever the cohort's size)."""
    participants = list(Participant.objects.filter(edition_id=assignment.module.edition_id).select_related("user")
                        .order_by("user__family_name", "user__given_name", "user__email"))
    latest: dict[int, Attempt] = {}
    counts: dict[int, int] = {}
    for attempt in Attempt.objects.filter(assignment=assignment).order_by("number"):
        latest[attempt.participant_id] = attempt
        counts[attempt.participant_id] = counts.get(attempt.participant_id, 0) + 1
    rows = []
    for participant in participants:
        attempt = latest.get(participant.pk)
        state = states.state_of(attempt)
        rows.append({"participant": participant, "attempt": attempt, "attempts": counts.get(participant.pk, 0),
                     "state": state, "label": states.LABELS[state]})
    return rows


def shared_entries(user) -> list[JournalEntry]:
    """Journal entries shared with a module ``user`` leads themselves (not as a manager), newest first
    (unshared entries never)."""
    if not (user.is_authenticated and user.is_active):
        return []
    leads = TeamMembership.objects.filter(user=user, role=Role.MODULE_LEAD)
    led = (Q(shared_with__in=leads.filter(module__isnull=False).values("module_id"))
           | Q(shared_with__edition__in=leads.filter(module__isnull=True).values("edition_id")))
    return list(JournalEntry.objects.filter(led).select_related("participant__user", "shared_with")
                .annotate(comment_count=Count("comments")).order_by("-shared_at", "-id"))


def entry_for_staff(user, pk) -> JournalEntry | None:
    entry = (JournalEntry.objects.select_related("participant__user", "shared_with__edition")
             .filter(pk=pk, shared_with__isnull=False).first())
    if entry is None or not permissions.can_read_entry(user, entry):
        return None
    return entry


def comments_of(entry) -> list[JournalComment]:
    return list(JournalComment.objects.filter(entry=entry).select_related("author").order_by("created_at", "id"))


# --- the participant ---------------------------------------------------------------------------------------


def modules_of(participant) -> list[Module]:
    return list(Module.objects.filter(edition_id=participant.edition_id).order_by("number"))


def published_materials(module) -> list[Material]:
    return list(Material.objects.filter(module=module, published=True))


def assignments_for(participant, module=None) -> list[dict]:
    """The published assignments of the participant's edition (of ``module``), each with the participant's
    latest attempt and state (two queries)."""
    assignments = Assignment.objects.filter(published=True, module__edition_id=participant.edition_id)
    if module is not None:
        assignments = assignments.filter(module=module)
    assignments = list(assignments.select_related("module").order_by("due_at", "id"))
    latest: dict[int, Attempt] = {}
    for attempt in Attempt.objects.filter(participant=participant, assignment__in=[a.pk for a in assignments]
                                          ).order_by("number"):
        latest[attempt.assignment_id] = attempt
    rows = []
    for assignment in assignments:
        attempt = latest.get(assignment.pk)
        state = states.state_of(attempt)
        rows.append({"assignment": assignment, "attempt": attempt, "state": state, "label": states.LABELS[state]})
    return rows


def open_assignments(participant) -> list[dict]:
    """What the participant still has to do: published, not closed, not accepted, not waiting for feedback."""
    return [row for row in assignments_for(participant)
            if not row["assignment"].closed and row["state"] in (states.NOT_STARTED, states.REVISION_ASKED)]


def participant_assignment(participant, pk) -> Assignment | None:
    assignment = Assignment.objects.select_related("module").filter(pk=pk).first()
    if assignment is None or not permissions.participant_sees_assignment(participant, assignment):
        return None
    return assignment


def journal_of(participant) -> list[JournalEntry]:
    return list(JournalEntry.objects.filter(participant=participant).select_related("shared_with")
                .annotate(comment_count=Count("comments")).order_by("-created_at", "-id"))


def accepted_counts(edition, participant_ids) -> tuple[int, dict[int, int]]:
    """The number of published assignments of ``edition`` and, per participant, how many of them are accepted
    (two queries): the certificate's criterion."""
    total = Assignment.objects.filter(published=True, module__edition=edition).count()
    rows = (Attempt.objects.filter(participant__in=participant_ids, state=states.ACCEPTED, assignment__published=True,
                                   assignment__module__edition=edition)
            .values("participant_id").annotate(n=Count("assignment", distinct=True)).order_by())
    return total, {row["participant_id"]: row["n"] for row in rows}


def attempt_file_or_none(pk) -> AttemptFile | None:
    """A file of an attempt with its attempt, assignment and module (who may read it is the caller's check)."""
    return AttemptFile.objects.select_related("attempt__assignment__module").filter(pk=pk).first()


def own_entry(participant, pk) -> JournalEntry | None:
    """The journal entry ``pk`` when ``participant`` wrote it."""
    return JournalEntry.objects.select_related("shared_with").filter(pk=pk, participant=participant).first()


def submission_kind_of(assignment):
    """The registered kind an assignment asks for (core.plugins.submissions), or None: text and files."""
    from campus.core.plugins import submissions

    return submissions.get(assignment.submission_kind) if assignment.submission_kind else None


def handed_in_link(attempt):
    """(title, url) of the thing an attempt handed in, for the lead; None when it is gone or none was asked."""
    from campus.core.plugins import submissions

    kind = submissions.get(attempt.handed_in_kind) if attempt.handed_in_kind else None
    if kind is None or attempt.handed_in_id is None:
        return None
    return kind.describe(attempt.handed_in_id)
