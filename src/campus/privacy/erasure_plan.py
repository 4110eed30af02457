"""The plan of an erasure: every row that erasing a person will change, per kind (a read, no writes).

One source of truth: the staff's approval page lists this plan, and ``erasure.erase_person`` executes it.
Rows are found by key (the account, its applications and what hangs off them, its confirmed addresses); other
people's rows only where the person's identifiers occur as whole words with certainty (see ``scrub``).
"""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from campus.admissions.models import Decision
from campus.applications.models import Answer, Application, Document, Question
from campus.communications.models import OutboxMessage
from campus.core.models import ActivityLog
from campus.interviews.models import InterviewSlot, Invitation
from campus.programme.models import ContactMessage
from campus.review.models import ConflictOfInterest, Review, ReviewAssignment
from campus.team.models import TeamMembership

from . import scrub, selectors
from .models import ErasureRequest

NAME_KEYS = ("first_name", "last_name", "full_name", "name")
# Free text on other people's rows of review and admission, scrubbed where it names the person for certain.
OTHER_TEXTS = ((Review, ("comment_team", "comment_applicant")), (Decision, ("note",)),
               (Invitation, ("message",)), (ConflictOfInterest, ("reason",)))


@dataclass
class ErasurePlan:
    user: object
    subject: selectors.Subject
    identifiers: scrub.Identifiers
    addresses: list[str] = field(default_factory=list)  # the account's EmailAddress rows, confirmed or not
    second_factors: int = 0
    applications: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    answers: int = 0
    contact_messages: list = field(default_factory=list)
    outbox_own: list = field(default_factory=list)  # to the account or to a confirmed address: cleared
    outbox_others: list = field(default_factory=list)  # to others, naming the person: names replaced
    review: dict = field(default_factory=dict)  # invitations, slots, decisions, offers, reviews, conflicts
    assignments: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    team_roles: list = field(default_factory=list)
    panels: list = field(default_factory=list)
    reviews_written: int = 0
    texts_of_others: list = field(default_factory=list)  # (row, fields): review comments, notes naming them
    activity_about: list = field(default_factory=list)  # ids: about them (only safe details kept)
    activity_linked: list = field(default_factory=list)  # ids: about them or by them
    activity_others: list = field(default_factory=list)  # ids: others' entries naming them for certain
    admin_log_owned: list = field(default_factory=list)
    admin_log_others: list = field(default_factory=list)
    sessions: list = field(default_factory=list)  # session keys
    tasks: list = field(default_factory=list)  # ids of background tasks holding their address or name
    requests: list = field(default_factory=list)

    @property
    def extra(self) -> list:
        """Their further objects whose activity-log entries are about them."""
        return [self.review.get("invitations", []), self.review.get("decisions", []),
                self.review.get("offers", []), self.review.get("reviews", []), self.outbox_own, self.participants]


def identifiers_of(subject, applications, contacts) -> scrub.Identifiers:
    """What identifies the person in free text (see scrub.Identifiers): confirmed addresses and full names are
    certain; organisations, a cluster's name, typed phone numbers and addresses are details (anyone can type
    anyone's); the single words of the names are words."""
    user = subject.user
    names: set[str] = {user.full_name} if user is not None else set()
    details: set[str] = set()
    for application in applications:
        names.add(application.full_name)
        details.add(application.organisation)
    rows = Answer.objects.filter(application__in=applications).values_list("question__key", "question__kind", "value")
    for key, kind, value in rows:
        if not isinstance(value, str) or not value.strip():
            continue
        if key in NAME_KEYS:
            names.add(value)
        elif kind in (Question.Kind.PHONE, Question.Kind.EMAIL) or "name" in key or key == "organisation":
            details.add(value)
    for contact in contacts:
        names.add(contact.name)
        details.add(contact.organisation)
    names = {" ".join(n.split()) for n in names if n and n.strip()}
    words = {w.strip(",.;:()\"") for n in names for w in n.split()}
    full = {n for n in names if len(n.split()) >= 2}
    return scrub.Identifiers(anchors=[*subject.emails, *full],
                             details=list(details), words=list(words))


def owners_names(row) -> list[str]:
    """The names of the person another row belongs to (the recipient of a mail, the applicant of a review's
    application): a namesake of the person erased keeps their own name in their own rows."""
    user = getattr(row, "recipient", None)
    application = getattr(row, "application", None)
    if application is None and isinstance(row, ActivityLog) and row.target_type == Application._meta.label_lower:
        application = Application.objects.filter(pk=row.target_id).select_related("applicant").first()
    if application is not None:
        user = application.applicant
    names = [getattr(user, "full_name", "")]
    if application is not None:
        names.append(application.full_name)
    elif user is not None:
        names += list(Application.objects.filter(applicant=user).values_list("full_name", flat=True))
    return [n for n in names if n]


def for_row(row, identifiers: scrub.Identifiers) -> scrub.Identifiers:
    return identifiers.without(owners_names(row))


def _changed_by_scrubbing(queryset, fields, identifiers) -> list:
    """Rows of ``queryset`` (others' rows) whose ``fields`` the certain-match scrubbing changes."""
    values = identifiers.all
    if not values:
        return []
    condition = Q(pk__in=[])
    for name in fields:
        condition |= scrub.mentioning(name, values)
    return [row for row in queryset.filter(condition).order_by("pk")
            if any(scrub.scrub_other(getattr(row, name), for_row(row, identifiers)) != getattr(row, name)
                   for name in fields)]


def _sessions(user, subject) -> list[str]:
    """The account's sessions (by ``_auth_user_id``, or allauth's sign-in in progress for the account) and
    those holding one of its confirmed addresses as a whole value; never a match inside other text."""
    if not apps.is_installed("django.contrib.sessions"):
        return []
    from django.contrib.sessions.models import Session

    keys = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).order_by("pk"):
        data = session.get_decoded()
        login = data.get("account_login") if isinstance(data.get("account_login"), dict) else {}
        if (str(user.pk) in (data.get("_auth_user_id"), login.get("user_pk"))
                or scrub.holds_value(data, subject.emails)):
            keys.append(session.pk)
    return keys


def _tasks(subject, identifiers) -> list[int]:
    """Background tasks (a mail on its way, a finished one) addressed to a confirmed address or naming the
    person for certain (a full name, a confirmed address, a phone as whole words). Running ones stay."""
    if not identifiers.anchors or not apps.is_installed("django_tasks_db"):
        return []
    from django_tasks_db.models import DBTaskResult

    condition = (scrub.mentioning("args_kwargs", identifiers.anchors)
                 | scrub.mentioning("return_value", identifiers.anchors))
    return [task.pk for task in DBTaskResult.objects.filter(condition).exclude(status="RUNNING").order_by("pk")
            if scrub.holds_value(task.args_kwargs, subject.emails)
            or scrub.anchored(task.args_kwargs, identifiers) or scrub.anchored(task.return_value, identifiers)]


def _activity(plan: ErasurePlan) -> None:
    subject = plan.subject
    about = selectors.activity_about(subject, plan.applications, plan.contact_messages, plan.requests, plan.extra)
    linked = Q(pk__in=about.values("pk")) | (Q(actor=subject.user) if subject.user is not None else Q(pk__in=[]))
    plan.activity_about = sorted(about.values_list("pk", flat=True))
    plan.activity_linked = sorted(ActivityLog.objects.filter(linked).values_list("pk", flat=True))
    plan.activity_others = [e.pk for e in _changed_by_scrubbing(
        ActivityLog.objects.exclude(pk__in=plan.activity_linked), ("data",), plan.identifiers)]


def _admin_log(plan: ErasurePlan) -> None:
    owned = Q(pk__in=[])
    for model, ids in ((Application, [a.pk for a in plan.applications]),
                       (ContactMessage, [c.pk for c in plan.contact_messages]),
                       (ErasureRequest, [r.pk for r in plan.requests]),
                       (type(plan.user), [plan.user.pk]),
                       (EmailAddress, list(EmailAddress.objects.filter(user=plan.user).values_list("pk", flat=True)))):
        if ids:
            owned |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=[str(i) for i in ids])
    plan.admin_log_owned = sorted(LogEntry.objects.filter(owned).values_list("pk", flat=True))
    plan.admin_log_others = [e.pk for e in _changed_by_scrubbing(
        LogEntry.objects.exclude(pk__in=plan.admin_log_owned), ("object_repr", "change_message"), plan.identifiers)]


def plan_erasure(user) -> ErasurePlan:
    """Everything erasing ``user`` changes. Read it inside the erasure's transaction to act on it."""
    subject = selectors.subject_for_user(user)
    applications = list(selectors.applications_of(subject))
    contacts = list(selectors.contact_messages_of(subject))
    plan = ErasurePlan(user=user, subject=subject, identifiers=identifiers_of(subject, applications, contacts))
    ids = [a.pk for a in applications]
    plan.addresses = list(EmailAddress.objects.filter(user=user).order_by("email").values_list("email", flat=True))
    plan.second_factors = Authenticator.objects.filter(user=user).count()
    plan.applications, plan.contact_messages = applications, contacts
    plan.documents = list(Document.objects.filter(application_id__in=ids).order_by("application_id", "kind"))
    plan.answers = Answer.objects.filter(application_id__in=ids).count()
    plan.requests = list(selectors.erasure_requests_of(subject))
    plan.outbox_own = list(selectors.outbox_messages_of(subject))
    plan.outbox_others = _changed_by_scrubbing(
        OutboxMessage.objects.select_related("recipient").exclude(pk__in=[m.pk for m in plan.outbox_own]),
        ("subject", "body", "error"), plan.identifiers)
    plan.review = selectors.review_data_of(applications)
    plan.participants = list(selectors.participants_of(subject, applications))
    plan.assignments = list(ReviewAssignment.objects.filter(Q(application_id__in=ids) | Q(reviewer=user))
                            .select_related("application").order_by("pk"))
    plan.conflicts = list(ConflictOfInterest.objects.filter(Q(application_id__in=ids) | Q(reviewer=user))
                          .select_related("application").order_by("pk"))
    plan.team_roles = list(TeamMembership.objects.filter(user=user).select_related("edition").order_by("pk"))
    plan.panels = list(InterviewSlot.objects.filter(panel=user).select_related("call").order_by("starts_at", "pk"))
    plan.reviews_written = Review.objects.filter(reviewer=user).count()
    for model, fields in OTHER_TEXTS:
        others = model.objects.select_related("application__applicant").exclude(application_id__in=ids)
        plan.texts_of_others += [(row, fields) for row in _changed_by_scrubbing(others, fields, plan.identifiers)]
    _activity(plan)
    _admin_log(plan)
    plan.sessions = _sessions(user, subject)
    plan.tasks = _tasks(subject, plan.identifiers)
    return plan


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def describe(plan: ErasurePlan) -> list[dict]:
    """The plan for the approval page: per kind, a title, what happens, and one line per row."""
    review = plan.review
    refs = {a.pk: a.reference for a in plan.applications}

    def when(moment):
        return timezone.localtime(moment).strftime("%d %b %Y %H:%M") if moment else "—"

    sections = [
        ("Email addresses", "deleted (confirmed ones were used to find the data below; unconfirmed ones were not)",
         [f"{a.email} ({'confirmed' if a.verified else 'not confirmed'})"
          for a in EmailAddress.objects.filter(user=plan.user).order_by("email")]),
        ("Applications", "answers and files deleted; name, organisation, country and the submitted copy cleared",
         [f"{a.reference} ({a.call.title}, {a.get_state_display()}): " + _count(
             sum(d.application_id == a.pk for d in plan.documents), "file") for a in plan.applications]),
        ("Contact messages", "name, address, organisation, text and note cleared",
         [f"{when(c.created_at)}: {c.get_topic_display()}, from {c.email}" for c in plan.contact_messages]),
        ("Outbox messages to them", "queued ones cancelled; address, subject, text and error cleared",
         [f"{when(m.created_at)} to {m.to_email or '—'} ({m.get_state_display()}): {m.subject}"
          for m in plan.outbox_own]),
        ("Outbox messages to others that name them", "their name, address or organisation replaced",
         [f"to {m.to_email} ({m.get_state_display()}): {m.subject}" for m in plan.outbox_others]),
        ("Interviews", "invitation message cleared and cancelled; booking released",
         [f"{refs.get(i.application_id)}: invitation of {when(i.created_at)}" for i in review.get("invitations", [])]
         + [f"{refs.get(s.booked_by_id)}: slot at {when(s.starts_at)}" for s in review.get("slots", [])]),
        ("Decisions", "note cleared; the outcome stays",
         [f"{refs.get(d.application_id)}: {d.get_outcome_display()}" for d in review.get("decisions", [])]),
        ("Offers", "letter deleted; an open offer declined, a suggested promotion dismissed",
         [f"{refs.get(o.application_id)}: {o.get_state_display()}{', with letter' if o.letter else ''}"
          for o in review.get("offers", [])]),
        ("Reviews of their applications", "both comments cleared; scores stay, anonymous",
         [f"{refs.get(r.application_id)}: {r.get_kind_display()}" for r in review.get("reviews", [])]),
        ("Review assignments and conflicts", "deleted",
         [f"{a.application.reference}: assignment" for a in plan.assignments]
         + [f"{c.application.reference}: conflict" for c in plan.conflicts]),
        ("Team roles and interview panels", "deleted; the reviews they wrote stay by an anonymised account "
         f"({plan.reviews_written})", [str(m.edition) + ": " + m.get_role_display() for m in plan.team_roles]
         + [f"panel at {when(s.starts_at)} ({s.call.title})" for s in plan.panels]),
        ("Participation", "deleted", [str(p.edition) for p in plan.participants]),
        ("Texts of others that name them", "their name, address or organisation replaced",
         [f"{row._meta.verbose_name} on application {row.application.reference}"
          for row, _fields in plan.texts_of_others]),
    ]
    counted = [  # kinds shown by their numbers only: (title, what, [(number, "one", "many"), ...])
        ("Activity log", "actor set to nobody and personal values removed",
         [(len(plan.activity_linked), "entry about or by them", "entries about or by them"),
          (len(plan.activity_others), "entry of someone else that names them", "entries of others that name them")]),
        ("Content editor's log", "their rows' names and their identifiers replaced",
         [(len(plan.admin_log_owned), "entry about their rows", "entries about their rows"),
          (len(plan.admin_log_others), "other entry that names them", "other entries that name them")]),
        ("Sessions", "deleted: they are signed out",
         [(len(plan.sessions), "session of their account", "sessions of their account")]),
        ("Background tasks", "deleted (mail to their address or naming them)", [(len(plan.tasks), "task", "tasks")]),
    ]
    result = [{"title": title, "what": what, "rows": rows, "count": len(rows)} for title, what, rows in sections]
    for title, what, numbers in counted:
        rows = [f"{n} {one if n == 1 else many}" for n, one, many in numbers if n]
        result.append({"title": title, "what": what, "rows": rows, "count": sum(n for n, _one, _many in numbers)})
    return result

