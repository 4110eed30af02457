"""Reads shared by the applicant pages, the staff pages, mails and PDFs."""

from django.db.models import QuerySet
from django.utils import timezone
from django_countries import countries

from campus.programme.models import Edition, Meetup

from .models import Answer, Application, Call, Document, Question

STEPS = [step for step, _label in Question.Step.choices]
STEP_LABELS = dict(Question.Step.choices)


def current_call(edition: Edition) -> Call | None:
    """The call applicants see: the open one, else the next to open, else the latest."""
    now = timezone.now()
    calls = list(Call.objects.filter(edition=edition).select_related("edition__programme").order_by("opens_at"))
    for call in calls:
        if call.opens_at <= now < call.closes_at:
            return call
    upcoming = [call for call in calls if call.opens_at > now]
    if upcoming:
        return upcoming[0]
    return calls[-1] if calls else None


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


def missing_items(application: Application) -> list[str]:
    """What still keeps the application from being submitted, in plain words (empty: complete)."""
    call = application.call
    answers = answers_of(application)
    documents = documents_of(application)
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


def step_status(application: Application) -> dict[str, bool]:
    """For the progress indicator: whether each step has everything it requires."""
    missing = missing_items(application)
    done = {}
    for step in STEPS:
        prefix = STEP_LABELS[step] + ":"
        done[step] = not any(item.startswith(prefix) for item in missing)
    return done


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
