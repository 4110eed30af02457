"""The only place that changes surveys: keyword-only arguments, one transaction each, an activity-log entry.

Anonymity: submitting an anonymous survey writes a ``Response`` without participant and without time, and a
``Completion`` for the participant; the activity log records the completion of named surveys only (its time
would otherwise sit next to the moment an anonymous response appeared).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from campus.core.activity import log_activity

from . import selectors, states
from .models import ANONYMOUS_BATCH, Completion, Draft, Question, Response, Survey


class SurveyError(Exception):
    """A refusal the person reads (shown on the form)."""


# --- building (staff) ---------------------------------------------------------------------------------


SURVEY_FIELDS = ("module", "title", "intro", "anonymous", "opens_at", "closes_at")


def _check_times(opens_at, closes_at) -> None:
    if opens_at and closes_at and closes_at <= opens_at:
        raise SurveyError("The survey must close after it opens.")


def create_survey(*, edition, actor, module=None, title: str, intro: str = "", anonymous: bool = True,
                  opens_at=None, closes_at=None) -> Survey:
    _check_times(opens_at, closes_at)
    if module is not None and module.edition_id != edition.pk:
        raise SurveyError("That module belongs to another edition.")
    with transaction.atomic():
        survey = Survey.objects.create(edition=edition, module=module, title=title, intro=intro, anonymous=anonymous,
                                       opens_at=opens_at, closes_at=closes_at)
        log_activity(action="feedback.survey_created", target=survey, actor=actor, title=title,
                     anonymous=anonymous, **{"from": None, "to": survey.state})
    return survey


def update_survey(*, survey: Survey, actor, **values) -> Survey:
    """Change the survey's settings. Whether it is anonymous is fixed once it is no longer a draft."""
    unknown = set(values) - set(SURVEY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown survey fields: {sorted(unknown)}")
    _check_times(values.get("opens_at", survey.opens_at), values.get("closes_at", survey.closes_at))
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        if locked.state != states.DRAFT:
            for name in ("anonymous", "module"):
                if name in values and values[name] != getattr(locked, name):
                    raise SurveyError("Whether the survey is anonymous, and its module, cannot change once it "
                                      "has been opened.")
        module = values.get("module", locked.module)
        if module is not None and module.edition_id != locked.edition_id:
            raise SurveyError("That module belongs to another edition.")
        for name, value in values.items():
            setattr(locked, name, value)
        locked.save()
        log_activity(action="feedback.survey_changed", target=locked, actor=actor, fields=sorted(values))
    return locked


def delete_survey(*, survey: Survey, actor) -> None:
    """Delete a survey that is still a draft (nobody could have answered it)."""
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        if locked.state != states.DRAFT:
            raise SurveyError("Only a draft can be deleted: this survey has been opened (close it instead).")
        log_activity(action="feedback.survey_deleted", target=locked, actor=actor, title=locked.title)
        locked.delete()


def _draft_survey_locked(survey_id) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey_id)
    if survey.state != states.DRAFT:
        raise SurveyError("Questions can only be changed while the survey is a draft.")
    return survey


def _check_question(kind: str, choices: str) -> None:
    if kind not in Question.Kind.values:
        raise SurveyError("Choose a kind of question.")
    lines = [line for line in choices.splitlines() if line.strip()]
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        if len(lines) < 2:
            raise SurveyError("Give at least two choices, one per line.")
        if len({line.strip() for line in lines}) != len(lines):
            raise SurveyError("Each choice may appear only once.")


def add_question(*, survey: Survey, actor, kind: str, text: str, help_text: str = "", required: bool = True,
                 choices: str = "") -> Question:
    _check_question(kind, choices)
    with transaction.atomic():
        locked = _draft_survey_locked(survey.pk)
        last = locked.questions.order_by("-order").values_list("order", flat=True).first()
        question = Question.objects.create(
            survey=locked, order=(last or 0) + 1, kind=kind, text=text, help_text=help_text, required=required,
            choices=choices.strip() if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) else "")
        log_activity(action="feedback.question_added", target=locked, actor=actor, question=question.pk, kind=kind)
    return question


def update_question(*, question: Question, actor, kind: str, text: str, help_text: str = "", required: bool = True,
                    choices: str = "") -> Question:
    _check_question(kind, choices)
    with transaction.atomic():
        _draft_survey_locked(question.survey_id)
        question.kind, question.text, question.help_text, question.required = kind, text, help_text, required
        question.choices = choices.strip() if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) else ""
        question.save()
        log_activity(action="feedback.question_changed", target=question.survey, actor=actor, question=question.pk)
    return question


def delete_question(*, question: Question, actor) -> None:
    with transaction.atomic():
        survey = _draft_survey_locked(question.survey_id)
        log_activity(action="feedback.question_deleted", target=survey, actor=actor, question=question.pk,
                     text=question.text)
        question.delete()


def move_question(*, question: Question, actor, up: bool) -> None:
    """Swap ``question`` with its neighbour above (``up``) or below; the orders are renumbered 1, 2, 3 ..."""
    with transaction.atomic():
        survey = _draft_survey_locked(question.survey_id)
        ordered = list(survey.questions.order_by("order", "pk"))
        index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
        other = index - 1 if up else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
        for number, row in enumerate(ordered, start=1):
            if row.order != number:
                row.order = number
                row.save(update_fields=["order"])
        log_activity(action="feedback.question_moved", target=survey, actor=actor, question=question.pk,
                     direction="up" if up else "down")


def set_state(*, survey: Survey, to: str, actor) -> Survey:
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        came_from = states.transition(locked, to)
        log_activity(action="feedback.survey_state", target=locked, actor=actor, **{"from": came_from, "to": to})
    return locked


# --- answering (participants) ---------------------------------------------------------------------------


def is_answerable(survey: Survey, now=None) -> bool:
    now = now or timezone.now()
    return (survey.state == states.OPEN and (survey.opens_at is None or survey.opens_at <= now)
            and (survey.closes_at is None or now < survey.closes_at))


def _check_open(survey: Survey, participant) -> None:
    if survey.edition_id != participant.edition_id:
        raise SurveyError("This survey is not for your edition.")
    if not is_answerable(survey):
        raise SurveyError("This survey is not open for answers.")


def clean_answers(questions, answers: dict, *, complete: bool) -> dict:
    """The answers to ``questions`` that are valid (unknown questions and values dropped); with ``complete``,
    a SurveyError when a required question has no answer."""
    cleaned, missing = {}, []
    for question in questions:
        value = answers.get(question.key)
        choices = question.choice_list
        if question.kind == Question.Kind.LIKERT:
            value = int(value) if str(value).isdigit() and 1 <= int(value) <= 5 else None
        elif question.kind == Question.Kind.SINGLE:
            value = value if value in choices else None
        elif question.kind == Question.Kind.MULTIPLE:
            value = [choice for choice in choices if choice in (value or [])] or None
        else:
            value = str(value).strip()[:5000] if value else None
        if value is None:
            if question.required:
                missing.append(question.text)
            continue
        cleaned[question.key] = value
    if complete and missing:
        raise SurveyError("Please answer every required question: " + "; ".join(missing))
    return cleaned


def save_draft(*, survey: Survey, participant, answers: dict) -> Draft:
    """Keep what ``participant`` answered so far (replacing an earlier draft)."""
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        _check_open(locked, participant)
        if Completion.objects.filter(survey=locked, participant=participant).exists():
            raise SurveyError("You have already answered this survey.")
        cleaned = clean_answers(list(locked.questions.all()), answers, complete=False)
        draft, _ = Draft.objects.update_or_create(survey=locked, participant=participant,
                                                  defaults={"answers": cleaned})
    return draft


def _release_a_full_batch(survey: Survey) -> None:
    """Anonymous surveys: once ``ANONYMOUS_BATCH`` responses wait, release them together (the survey row is
    locked by the caller, so two answers at once cannot both miss or both make the batch)."""
    waiting = Response.objects.filter(survey=survey, released=False)
    if waiting.count() >= ANONYMOUS_BATCH:
        waiting.update(released=True)


def submit(*, survey: Survey, participant, answers: dict) -> Completion:
    """Record the answers of ``participant`` (once: a second submit is refused). Anonymous surveys store the
    response without the participant; the participant's draft is deleted."""
    try:
        with transaction.atomic():
            locked = Survey.objects.select_for_update().get(pk=survey.pk)  # its state, read again
            _check_open(locked, participant)
            if Completion.objects.filter(survey=locked, participant=participant).exists():
                raise SurveyError("You have already answered this survey: a survey is answered once.")
            cleaned = clean_answers(list(locked.questions.all()), answers, complete=True)
            completion = Completion.objects.create(survey=locked, participant=participant)
            Response.objects.create(survey=locked, participant=None if locked.anonymous else participant,
                                    answers=cleaned)
            if locked.anonymous:
                _release_a_full_batch(locked)
            Draft.objects.filter(survey=locked, participant=participant).delete()
            if not locked.anonymous:
                log_activity(action="feedback.answered", target=locked, actor=participant.user,
                             participant=participant.pk)
    except IntegrityError:
        raise SurveyError("You have already answered this survey: a survey is answered once.") from None
    return completion


# --- reminders (staff) ----------------------------------------------------------------------------------


NAMED_NOTE = "you have not answered it yet"
ANONYMOUS_NOTE = ("this reminder goes to every participant, so that nobody can tell who has answered: if you have "
                  "answered already, thank you")


def reminder_recipients(survey: Survey):
    """Who a reminder goes to: for a named survey, those who have not answered; for an anonymous one, EVERY
    participant it asks (answered or not), so that the outbox, which staff read, does not tell who has answered."""
    if survey.anonymous:
        return selectors.audience(survey).select_related("user").order_by("user__family_name", "user__given_name")
    return selectors.not_answered(survey)


def remind(*, survey: Survey, actor, survey_url: str) -> int:
    """Queue the ``survey_reminder`` mail to each of ``reminder_recipients``; once per person and day, whatever the
    clicks. Returns how many were queued."""
    from campus.communications import services as outbox

    if survey.state != states.OPEN:
        raise SurveyError("Only an open survey can be reminded of.")
    today = timezone.now().date().isoformat()
    closes = ""
    if survey.closes_at:
        from zoneinfo import ZoneInfo

        local = survey.closes_at.astimezone(ZoneInfo(survey.zone_name))
        closes = f"{local:%d %B %Y, %H:%M} ({survey.zone_name})"
    count = 0
    with transaction.atomic():
        for participant in reminder_recipients(survey):
            outbox.compose(
                event="survey_reminder", edition=survey.edition, to_user=participant.user,
                context={"survey": survey.title, "closes": closes or "when the team closes it",
                         "survey_url": survey_url, "anonymous": "anonymous" if survey.anonymous else "named",
                         "answered_note": ANONYMOUS_NOTE if survey.anonymous else NAMED_NOTE},
                dedupe_key=f"survey_reminder:{survey.pk}:{participant.pk}:{today}",
                related=survey, actor=actor, send=True,
            )
            count += 1
        log_activity(action="feedback.reminded", target=survey, actor=actor, count=count)
    return count


def record_export(*, survey: Survey, fmt: str, count: int, actor) -> None:
    """Who took the responses of ``survey`` away, when, in which format."""
    log_activity(action="feedback.exported", target=survey, actor=actor, format=fmt, rows=count)


# --- privacy --------------------------------------------------------------------------------------------


def forget_person(*, participants) -> dict:
    """Erasure of a person (called by the privacy handler, which logs it): their named responses, completions
    and drafts are deleted. Anonymous responses hold nothing of them and stay."""
    ids = list(participants)
    return {
        "survey_responses": Response.objects.filter(participant_id__in=ids).delete()[0],
        "survey_completions": Completion.objects.filter(participant_id__in=ids).delete()[0],
        "survey_drafts": Draft.objects.filter(participant_id__in=ids).delete()[0],
    }
