"""The plan of an erasure: every row that erasing a person will change, per kind (a read, no writes).

One source of truth: the staff's approval page lists this plan, and ``erasure.erase_person`` executes it.
Each app's privacy handler (``campus.core.plugins.privacy``) plans its own part (``plan.parts[key]``); this
module plans what the privacy app handles itself: the account's addresses, the activity log, the content
editor's log, sessions, background tasks and erasure requests. Rows are found by key (the account, its
applications and what hangs off them, its confirmed addresses); other people's rows only where the person's
identifiers occur as whole words with certainty (see ``campus.core.scrub``).
"""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from campus.core import scrub
from campus.core.models import ActivityLog
from campus.core.plugins import privacy as plugins
from campus.core.plugins.privacy import Person, Section

from . import access
from .identity import subject_for_user


@dataclass
class ErasurePlan:
    user: object
    person: Person
    parts: dict = field(default_factory=dict)  # handler key -> its part of the plan
    addresses: list = field(default_factory=list)  # the account's EmailAddress rows, confirmed or not
    requests: list = field(default_factory=list)
    activity_about: list = field(default_factory=list)  # ids: about them (only safe details kept)
    activity_linked: list = field(default_factory=list)  # ids: about them or by them
    activity_others: list = field(default_factory=list)  # ids: others' entries naming them for certain
    admin_log_owned: list = field(default_factory=list)
    admin_log_others: list = field(default_factory=list)
    sessions: list = field(default_factory=list)  # session keys
    tasks: list = field(default_factory=list)  # ids of background tasks holding their address or name

    @property
    def subject(self):
        return self.person.subject

    @property
    def identifiers(self) -> scrub.Identifiers:
        return self.person.identifiers

    @property
    def applications(self) -> list:
        return self.person.applications


def identifiers_of(person: Person) -> scrub.Identifiers:
    """What identifies the person in free text (see scrub.Identifiers): confirmed addresses and full names are
    certain; organisations, a cluster's name, typed phone numbers and addresses are details (anyone can type
    anyone's); the single words of the names are words. The handlers say which names and details they hold."""
    names: set[str] = {person.user.full_name} if person.user is not None else set()
    details: set[str] = set()
    for handler in plugins.handlers():
        found_names, found_details = handler.identifiers(person)
        names |= set(found_names)
        details |= set(found_details)
    names = {" ".join(n.split()) for n in names if n and n.strip()}
    words = {w.strip(",.;:()\"") for n in names for w in n.split()}
    full = {n for n in names if len(n.split()) >= 2}
    return scrub.Identifiers(anchors=[*person.subject.emails, *full], details=list(details), words=list(words))


def owners_names(row) -> list[str]:
    """The names of the person another row belongs to (the first handler that knows says)."""
    for handler in plugins.handlers():
        names = handler.owner_names(row)
        if names is not None:
            return names
    return [n for n in [getattr(getattr(row, "recipient", None), "full_name", "")] if n]


def for_row(row, identifiers: scrub.Identifiers) -> scrub.Identifiers:
    return identifiers.without(owners_names(row))


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
    person = plan.person
    about = ActivityLog.objects.filter(access.about_condition(person, plan.requests))
    linked = Q(pk__in=about.values("pk")) | (Q(actor=person.user) if person.user is not None else Q(pk__in=[]))
    plan.activity_about = sorted(about.values_list("pk", flat=True))
    plan.activity_linked = sorted(ActivityLog.objects.filter(linked).values_list("pk", flat=True))
    plan.activity_others = [e.pk for e in person.changed_by_scrubbing(
        ActivityLog.objects.exclude(pk__in=plan.activity_linked), ("data",))]


def _admin_log(plan: ErasurePlan) -> None:
    owned = Q(pk__in=[])
    groups = [*plan.person.admin_targets, plan.requests, [plan.user], list(EmailAddress.objects.filter(user=plan.user))]
    for objects in groups:
        if objects:
            owned |= Q(content_type=ContentType.objects.get_for_model(objects[0]),
                       object_id__in=[str(o.pk) for o in objects])
    plan.admin_log_owned = sorted(LogEntry.objects.filter(owned).values_list("pk", flat=True))
    plan.admin_log_others = [e.pk for e in plan.person.changed_by_scrubbing(
        LogEntry.objects.exclude(pk__in=plan.admin_log_owned), ("object_repr", "change_message"))]


def plan_erasure(user, *, actor=None) -> ErasurePlan:
    """Everything erasing ``user`` changes. Read it inside the erasure's transaction to act on it."""
    subject = subject_for_user(user)
    person = access.prepared(subject, actor=actor)
    person.owner_names = owners_names
    person.identifiers = identifiers_of(person)
    plan = ErasurePlan(user=user, person=person)
    plan.addresses = list(EmailAddress.objects.filter(user=user).order_by("email").values_list("email", flat=True))
    plan.requests = list(access.erasure_requests_of(subject))
    for handler in plugins.handlers():
        plan.parts[handler.key] = handler.plan(person)
    _activity(plan)
    _admin_log(plan)
    plan.sessions = _sessions(user, subject)
    plan.tasks = _tasks(subject, person.identifiers)
    return plan


def _merged(sections: list[Section]) -> list[Section]:
    """Sections of the same title as one, in the place of the first (by order); the first text that says what
    happens is kept."""
    merged: dict[str, Section] = {}
    for section in sorted(sections, key=lambda s: s.order):
        if section.title not in merged:
            merged[section.title] = Section(section.title, section.what, list(section.rows), section.order,
                                            section.total)
        else:
            merged[section.title].rows += section.rows
            merged[section.title].count += section.total
            merged[section.title].what = merged[section.title].what or section.what
    return list(merged.values())


def _counted(title: str, what: str, order: int, *numbers: tuple[int, str, str]) -> Section:
    """A kind shown by its numbers (no zeros listed): (number, "one ...", "many ...") each."""
    rows = [f"{n} {one if n == 1 else many}" for n, one, many in numbers if n]
    return Section(title, what, rows, order, count=sum(n for n, _one, _many in numbers))


def describe(plan: ErasurePlan) -> list[dict]:
    """The plan for the approval page: per kind, a title, what happens, and one line per row."""
    sections = [
        Section("Email addresses", "deleted (confirmed ones were used to find the data below; unconfirmed ones "
                "were not)", [f"{a.email} ({'confirmed' if a.verified else 'not confirmed'})"
                              for a in EmailAddress.objects.filter(user=plan.user).order_by("email")], order=10),
        _counted("Activity log", "actor set to nobody and personal values removed", 1000,
                 (len(plan.activity_linked), "entry about or by them", "entries about or by them"),
                 (len(plan.activity_others), "entry of someone else that names them",
                  "entries of others that name them")),
        _counted("Content editor's log", "their rows' names and their identifiers replaced", 1001,
                 (len(plan.admin_log_owned), "entry about their rows", "entries about their rows"),
                 (len(plan.admin_log_others), "other entry that names them", "other entries that name them")),
        _counted("Sessions", "deleted: they are signed out", 1002,
                 (len(plan.sessions), "session of their account", "sessions of their account")),
        _counted("Background tasks", "deleted (mail to their address or naming them)", 1003,
                 (len(plan.tasks), "task", "tasks")),
    ]
    for handler in plugins.handlers():
        sections += handler.describe(plan.parts.get(handler.key), plan.person)
    return [{"title": s.title, "what": s.what, "rows": s.rows, "count": s.total} for s in _merged(sections)]
