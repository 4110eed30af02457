"""Reads shared by the applicant pages, the staff pages, mails and PDFs."""

from django.db.models import QuerySet
from django.utils import timezone
from django_countries import countries

from campus.core.content_memo import memo
from campus.core.plugins.links import LinkState
from campus.programme import selectors as programme_selectors
from campus.programme.models import Edition, Meetup

from .models import Answer, Application, Call, Document, Question

STEPS = [step for step, _label in Question.Step.choices]
STEP_LABELS = dict(Question.Step.choices)


def current_call(edition: Edition) -> Call | None:
    """The call applicants see: the open one, else the next to open, else the latest."""
    now = timezone.now()
    calls = memo(("calls", edition.pk), lambda: list(
        Call.objects.filter(edition=edition).select_related("edition__programme").order_by("opens_at")))
    for call in calls:
        if call.opens_at <= now < call.closes_at:
            return call
    upcoming = [call for call in calls if call.opens_at > now]
    if upcoming:
        return upcoming[0]
    return calls[-1] if calls else None


def apply_link_state(*, edition: Edition | None = None) -> LinkState:
    """The "apply" page link (core.plugins.links) for the public pages of ``edition``: offered while its call is
    open, with the deadline and the call's zone; before the call opens, when it opens. One query."""
    if edition is None:
        edition = programme_selectors.current_edition(programme_selectors.current_programme())
    call = current_call(edition)
    state = call.state() if call is not None else "closed"
    if state == "open":
        details = {"closes_at": call.closes_at, "timezone": call.timezone, "title": call.title}
        return LinkState(offered=True, details=details, changes_at=call.closes_at)
    if state == "upcoming":
        return LinkState(offered=False, details={"opens_at": call.opens_at, "timezone": call.timezone},
                         changes_at=call.opens_at)
    return LinkState(offered=False)


def questions_of(call: Call) -> list[Question]:
    if not hasattr(call, "_questions"):
        call._questions = list(Question.objects.filter(call=call).select_related("depends_on").order_by("order", "id"))
    return call._questions


def questions_for_step(call: Call, step: str) -> list[Question]:
    return [q for q in questions_of(call) if q.step == step]


def requirements_of(call: Call) -> list[tuple[str, str]]:
    return list(call.edition.requirements.order_by("order", "id").values_list("code", "text"))


def answers_of(application: Application) -> dict:
    return dict(
        Answer.objects.filter(application=application).values_list("question__key", "value")
    )


def documents_of(application: Application) -> dict[str, Document]:
    return {d.kind: d for d in Document.objects.filter(application=application)}


def meetup_choices(edition: Edition) -> list[tuple[str, str]]:
    meetups = Meetup.objects.filter(module__edition=edition).select_related("module").order_by("starts_at")
    return [
        (str(m.pk), f"Module {m.module.number}, {m.get_kind_display().lower()}: {m.city or m.module.city}, "
                    f"{m.local_start.day} {m.local_start:%b %Y}")
        for m in meetups
    ]


def is_asked(question: Question, answers: dict) -> bool:
    """A dependent question is asked only when the question it depends on has the given answer."""
    if question.depends_on_id is None:
        return True
    value = answers.get(question.depends_on.key)
    if isinstance(value, bool):
        value = "yes" if value else "no"
    if isinstance(value, list):
        return question.depends_value in value
    return str(value) == question.depends_value


def display_value(question: Question, value, edition: Edition | None = None) -> str:
    if value in (None, "", []):
        return ""
    if question.kind == Question.Kind.YES_NO:
        return "Yes" if value in (True, "yes") else "No"
    if question.kind == Question.Kind.COUNTRY:
        return countries.name(value) or str(value)
    if question.kind in (Question.Kind.CHOICE, Question.Kind.MULTI_CHOICE):
        labels = dict((str(v), label) for v, label in question.choices)
        items = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(item), str(item)) for item in items)
    if question.kind == Question.Kind.MEETUPS and edition is not None:
        labels = dict(meetup_choices(edition))
        return "; ".join(labels.get(str(item), str(item)) for item in value)
    return str(value)


def missing_items(application: Application, *, answers: dict | None = None,
                  documents: dict | None = None) -> list[str]:
    """What still keeps the application from being submitted, in plain words (empty: complete).
    ``answers`` and ``documents``: as answers_of and documents_of return them, when the page has read them."""
    call = application.call
    answers = answers_of(application) if answers is None else answers
    documents = documents_of(application) if documents is None else documents
    missing = []
    for question in questions_of(call):
        if question.required and is_asked(question, answers) and answers.get(question.key) in (None, "", []):
            missing.append(f"{STEP_LABELS[question.step]}: {question.label}")
    if "cv" not in documents:
        missing.append("CV: upload your CV")
    if not answers.get("motivation_letter") and "letter" not in documents:
        missing.append("Motivation: write your motivational letter or upload it")
    if application.consent_version != call.privacy_version:
        missing.append("Privacy: accept the privacy notice")
    return missing


def step_status(application: Application, **read) -> dict[str, bool]:
    """For the progress indicator: whether each step has everything it requires (``read``: see missing_items)."""
    missing = missing_items(application, **read)
    done = {}
    for step in STEPS:
        prefix = STEP_LABELS[step] + ":"
        done[step] = not any(item.startswith(prefix) for item in missing)
    return done


def resume_step(application: Application, **read) -> str | None:
    """Where "Continue your application" leads: the first step that still misses something (not the step saved
    last, which is usually finished); ``None`` when every step is complete (the review page is next). ``read``:
    the answers or documents the caller already read (see missing_items)."""
    return next((step for step, done in step_status(application, **read).items() if not done), None)


def snapshot_of(application: Application, answers: dict) -> dict:
    """The answers as the applicant submitted them, with labels, frozen into the application."""
    call = application.call
    edition = call.edition
    items = []
    for question in questions_of(call):
        if not is_asked(question, answers):
            continue
        items.append({
            "step": question.step,
            "key": question.key,
            "label": question.label,
            "value": answers.get(question.key),
            "display": display_value(question, answers.get(question.key), edition),
        })
    return {
        "reference": application.reference,
        "call": call.title,
        "submitted_at": timezone.now().isoformat(),
        "answers": items,
        "documents": [
            {"kind": d.kind, "name": d.original_name, "size": d.size, "sha256": d.sha256}
            for d in documents_of(application).values()
        ],
        "consent_version": application.consent_version,
    }


def applications_for_staff(call: Call) -> QuerySet[Application]:
    return Application.objects.filter(call=call).select_related("applicant", "call")


# --- the staff back office (/staff/applications/) ----------------------------------------------
# Every read below costs a fixed number of queries, whatever the number of applications.

STAFF_STATE_LABELS = dict(Application.State.choices)
ELIGIBILITY_LABELS = dict(Application.Eligibility.choices)
STAFF_SEARCH_FIELDS = ("full_name", "applicant__email", "organisation", "reference")


def _effective_eligibility():
    """The override when there is one, else the screening's verdict (as a query expression)."""
    from django.db.models import Case, F, Q, When

    return Case(When(~Q(eligibility_override=""), then=F("eligibility_override")), default=F("eligibility"))


def calls_for_staff() -> list[Call]:
    return list(Call.objects.select_related("edition__programme").order_by("-opens_at"))


def staff_applications(call: Call, *, state: str = "", eligibility: str = "", country: str = "", search: str = "",
                       identity: bool = True):
    """The applications of ``call`` for the staff list and the exports, filtered; each row has
    ``effective`` (the effective eligibility), its applicant and its documents (one query more). Without
    ``identity`` (blind review) the search reads the reference only: a name typed finds nobody."""
    from django.db.models import F, Prefetch, Q

    queryset = (
        Application.objects.filter(call=call)
        .annotate(effective=_effective_eligibility())
        .select_related("applicant", "call")
        .prefetch_related(Prefetch("documents", queryset=Document.objects.order_by("kind")))
        .order_by(F("submitted_at").desc(nulls_last=True), "-created_at", "-id")
    )
    if state:
        queryset = queryset.filter(state=state)
    if eligibility:
        queryset = queryset.filter(effective=eligibility)
    if country:
        queryset = queryset.filter(country=country)
    for word in search.split()[:8]:
        condition = Q()
        for field in (STAFF_SEARCH_FIELDS if identity else ("reference",)):
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def list_query(call: Call, filters: dict) -> dict[str, str]:
    """The list's query parameters for ``call`` and its valid ``filters`` (no page): what the application pages
    carry, so that previous/next and the way back follow the list the person came from."""
    params = {"call": str(call.pk)}
    params.update({("q" if key == "search" else key): value for key, value in filters.items() if value})
    return params


def neighbours(call: Call, filters: dict, pk: int, *, page_size: int, identity: bool = True) -> dict | None:
    """Where application ``pk`` stands in the staff list of ``call`` filtered by ``filters`` (same order): its
    position, the total, the previous and next ids and the list's page it is on; None when the filters leave it
    out. One query (ids only)."""
    ids = list(staff_applications(call, identity=identity, **filters).prefetch_related(None).values_list("pk", flat=True))
    if pk not in ids:
        return None
    index = ids.index(pk)
    return {"position": index + 1, "total": len(ids), "page": index // page_size + 1,
            "previous": ids[index - 1] if index > 0 else None, "next": ids[index + 1] if index + 1 < len(ids) else None}


def staff_counts(call: Call) -> dict:
    """How many applications of ``call`` are in each state and each (effective) eligibility: one query."""
    from django.db.models import Count, Q

    aggregates = {"total": Count("id")}
    for value in STAFF_STATE_LABELS:
        aggregates[f"state__{value}"] = Count("id", filter=Q(state=value))
    for value in ELIGIBILITY_LABELS:
        aggregates[f"eligibility__{value}"] = Count("id", filter=Q(effective=value))
    row = Application.objects.filter(call=call).annotate(effective=_effective_eligibility()).aggregate(**aggregates)
    return {
        "total": row["total"],
        "state": [(value, label, row[f"state__{value}"]) for value, label in STAFF_STATE_LABELS.items()],
        "eligibility": [(value, label, row[f"eligibility__{value}"]) for value, label in ELIGIBILITY_LABELS.items()],
    }


def staff_countries(call: Call) -> list[tuple[str, str]]:
    """The countries of residence that occur among the applications of ``call``: (code, name), by name."""
    codes = (
        Application.objects.filter(call=call).exclude(country="")
        .order_by().values_list("country", flat=True).distinct()
    )
    return sorted(((code, countries.name(code) or code) for code in codes), key=lambda item: item[1])


def application_for_staff(pk: int) -> Application | None:
    return (
        Application.objects.filter(pk=pk)
        .select_related("call__edition__programme", "applicant", "eligibility_override_by")
        .first()
    )


def activity_of(application: Application):
    """The activity log of one application, newest first, with the people who acted."""
    from campus.core.models import ActivityLog

    return (
        ActivityLog.objects.filter(target_type=Application._meta.label_lower, target_id=str(application.pk))
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


def shows_snapshot(application: Application) -> bool:
    """Staff read the frozen copy of a submitted application; a draft, or one being corrected, live."""
    frozen_states = (Application.State.SUBMITTED, Application.State.WITHDRAWN)
    return bool(application.snapshot) and application.state in frozen_states


def _meetups_display(value, labels: dict) -> str:
    return "; ".join(labels.get(str(item), str(item)) for item in value)


def display_values(call: Call, answers: dict, *, meetup_labels: dict | None = None) -> dict[str, str]:
    """The display value of every asked question, by key. Pass ``meetup_labels`` (from
    :func:`meetup_choices`) when rendering many applications, so meetups are read once."""
    if meetup_labels is None:
        meetup_labels = dict(meetup_choices(call.edition))
    values = {}
    for question in questions_of(call):
        if not is_asked(question, answers):
            continue
        value = answers.get(question.key)
        if question.kind == Question.Kind.MEETUPS and value not in (None, "", []):
            values[question.key] = _meetups_display(value, meetup_labels)
        else:
            values[question.key] = display_value(question, value)
    return values


def answers_by_application(applications) -> dict[int, dict]:
    """The live answers of many applications in one query: {application id: {key: value}}."""
    ids = [application.pk for application in applications]
    result: dict[int, dict] = {pk: {} for pk in ids}
    rows = Answer.objects.filter(application_id__in=ids).values_list("application_id", "question__key", "value")
    for application_id, key, value in rows:
        result[application_id][key] = value
    return result


def staff_display_values(
    application: Application, live_answers: dict, *, call: Call, meetup_labels: dict
) -> dict[str, str]:
    """What staff read for each question of one application: the frozen copy when submitted, else live.
    Pass the same ``call`` object for every application of a list: its questions are read once."""
    if shows_snapshot(application):
        return {item["key"]: item.get("display", "") for item in application.snapshot.get("answers", [])}
    return display_values(call, live_answers, meetup_labels=meetup_labels)


def staff_sections(application: Application) -> list[dict]:
    """The answers of one application grouped by step, as staff read them (see :func:`shows_snapshot`)."""
    call = application.call
    questions = questions_of(call)
    if shows_snapshot(application):
        by_step: dict[str, list] = {step: [] for step in STEPS}
        for item in application.snapshot.get("answers", []):
            by_step.setdefault(item.get("step", ""), []).append(
                {"key": item.get("key", ""), "label": item.get("label", ""), "display": item.get("display", "")}
            )
    else:
        answers = answers_of(application)
        displays = display_values(call, answers)
        by_step = {step: [] for step in STEPS}
        for question in questions:
            if question.key in displays:
                by_step[question.step].append(
                    {"key": question.key, "label": question.label, "display": displays[question.key]}
                )
    return [
        {"step": step, "label": STEP_LABELS.get(step, step), "items": items}
        for step, items in by_step.items()
        if items or step in STEP_LABELS
    ]


# --- the staff dashboard (/staff/, campus.core.plugins.dashboard) -------------------------------------------


def dashboard_calls() -> list[Call]:
    """The calls the staff dashboard is about: those of the current editions that have opened, newest first."""
    return list(
        Call.objects.filter(edition__is_current=True, opens_at__lte=timezone.now())
        .select_related("edition__programme").order_by("-opens_at", "-pk")
    )


def attention_counts(call_ids) -> dict[int, dict[str, int]]:
    """Per call: submitted, submitted with the eligibility still to be checked, waiting for more information
    (one query)."""
    from django.db.models import Count, Q

    rows = (
        Application.objects.filter(call_id__in=list(call_ids)).annotate(effective=_effective_eligibility())
        .values("call_id").order_by()
        .annotate(
            submitted=Count("id", filter=Q(state=Application.State.SUBMITTED)),
            to_check=Count("id", filter=Q(state=Application.State.SUBMITTED,
                                          effective=Application.Eligibility.NEEDS_CHECK)),
            more_info=Count("id", filter=Q(state=Application.State.MORE_INFO)),
        )
    )
    return {row.pop("call_id"): row for row in rows}
