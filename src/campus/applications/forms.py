"""Forms of the application: one form per step, built from the call's questions (data, not code)."""

import functools
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django_countries import countries

from campus.core.widgets import FixedChoices, LongSelect
from campus.programme.letters import MAX_LENGTHS

from .models import Question
from .selectors import is_asked, meetup_choices



@functools.lru_cache(maxsize=8)
def _country_choices(language: str) -> FixedChoices:
    return FixedChoices((("", "Choose a country"), *((code, str(name)) for code, name in countries)))


def country_choices() -> FixedChoices:
    """The countries with their names in the active language, as plain strings, made once per language
    (django-countries sorts its lazily translated names on every use)."""
    return _country_choices(get_language())


PHONE = re.compile(r"^\+?[0-9][0-9 ()\-./]{5,24}$")
YES_NO = [("yes", "Yes"), ("no", "No")]


def count_words(text: str) -> int:
    return len(re.findall(r"\S+", text or ""))


def word_limit_validator(limit: int):
    def validate(value):
        words = count_words(value)
        if words > limit:
            raise ValidationError(f"Please keep this to {limit} words or fewer (it has {words}).")

    return validate


def validate_phone(value):
    if not PHONE.match(value):
        raise ValidationError("Write the number with digits, spaces and an optional + in front, e.g. +46 70 123 45 67.")


def word_limit_of(question: Question, call=None) -> int | None:
    """The motivational letter follows the limit set on its call (staff change it there); others their own."""
    if call is not None and question.key == "motivation_letter" and call.motivation_word_limit:
        return call.motivation_word_limit
    return question.word_limit


def number_messages(question: Question) -> dict:
    """What to do, in the site's words, when a number is out of range or not a number."""
    low, high = question.min_value, question.max_value
    if low is not None and high is not None:
        out_of_range = f"Give a whole number from {low} to {high}."
    elif low is not None:
        out_of_range = f"Give a whole number of at least {low}."
    else:
        out_of_range = f"Give a whole number of at most {high}."
    example = low if low is not None and low > 0 else 3
    return {"min_value": out_of_range, "max_value": out_of_range,
            "invalid": f"Give a whole number in digits, e.g. {example}."}


def answer_needed(question: Question) -> str:
    """The error of a follow-up question left empty: what to do, and why it is asked."""
    parent = question.depends_on
    shown = dict(YES_NO if parent.kind == Question.Kind.YES_NO else [tuple(c) for c in parent.choices or []])
    answer = shown.get(question.depends_value, question.depends_value)
    asked_because = f"you answered “{answer}” to “{parent.label}”"
    if question.kind == Question.Kind.MEETUPS:
        return f"Tick each meetup you might miss: we ask because {asked_because}."
    if question.kind in (Question.Kind.CHOICE, Question.Kind.MULTI_CHOICE, Question.Kind.YES_NO):
        return f"Choose an answer: we ask because {asked_because}."
    return f"Please answer this question: we ask because {asked_because}."


def build_field(question: Question, edition, *, word_limit: int | None = None) -> forms.Field:
    kind = question.kind
    word_limit = word_limit if word_limit is not None else question.word_limit
    common = {"label": question.label, "help_text": question.help_text, "required": question.required}
    K = Question.Kind
    if kind == K.SHORT_TEXT:
        return forms.CharField(max_length=question.max_length or 200, **common)
    if kind == K.LONG_TEXT:
        validators = [word_limit_validator(word_limit)] if word_limit else []
        if word_limit:
            common["help_text"] = (common["help_text"] + " " if common["help_text"] else "") + f"At most {word_limit} words."
        return forms.CharField(
            max_length=question.max_length or 20000, widget=forms.Textarea(attrs={"rows": 8}), validators=validators, **common
        )
    if kind == K.EMAIL:
        return forms.EmailField(max_length=254, **common)
    if kind == K.PHONE:
        return forms.CharField(max_length=30, validators=[validate_phone], **common)
    if kind == K.URL:
        return forms.URLField(max_length=300, assume_scheme="https", **common)
    if kind == K.INTEGER:
        return forms.IntegerField(
            min_value=question.min_value, max_value=question.max_value, error_messages=number_messages(question),
            **common,
        )
    if kind == K.CHOICE:
        return forms.ChoiceField(choices=[tuple(c) for c in question.choices], widget=forms.RadioSelect, **common)
    if kind == K.MULTI_CHOICE:
        return forms.MultipleChoiceField(
            choices=[tuple(c) for c in question.choices], widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == K.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    if kind == K.COUNTRY:
        return forms.ChoiceField(choices=country_choices(), widget=LongSelect, **common)
    if kind == K.MEETUPS:
        return forms.MultipleChoiceField(
            choices=meetup_choices(edition), widget=forms.CheckboxSelectMultiple, **common
        )
    raise ValueError(f"Unknown question kind {kind!r}")


class StepForm(forms.Form):
    """The questions of one step. A dependent question is required only when it is asked."""

    def __init__(self, *args, questions: list[Question], edition, answers: dict, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.answers = answers
        self.dependent = {}
        for question in questions:
            field = build_field(question, edition, word_limit=word_limit_of(question, call))
            if question.depends_on_id:
                field.required = False
                field.required_when_asked = question.required  # the label still shows the asterisk
                self.dependent[question.key] = question
            field.widget.attrs.setdefault("class", "")
            self.fields[question.key] = field
            if question.key in answers and answers[question.key] not in (None, ""):
                self.initial[question.key] = answers[question.key]
            if question.kind == Question.Kind.EMAIL:
                field.widget.attrs["autocomplete"] = "email"
        for key, autocomplete in (("first_name", "given-name"), ("last_name", "family-name"), ("phone", "tel"),
                                  ("organisation", "organization"), ("role", "organization-title")):
            if key in self.fields:
                self.fields[key].widget.attrs["autocomplete"] = autocomplete

    def clean(self):
        cleaned = super().clean()
        merged = {**self.answers, **{k: v for k, v in cleaned.items()}}
        for key, question in self.dependent.items():
            if question.depends_on.key in self.errors:
                continue  # the answer it depends on is not valid yet: keep this one as typed, judge it later
            if not is_asked(question, merged):
                cleaned[key] = None if question.kind not in (Question.Kind.MULTI_CHOICE, Question.Kind.MEETUPS) else []
                self.errors.pop(key, None)
            elif question.required and cleaned.get(key) in (None, "", []) and key not in self.errors:
                self.add_error(key, answer_needed(question))
        return cleaned

    def values(self) -> dict:
        """The valid values typed so far (also when other fields have errors: drafts keep them)."""
        data = getattr(self, "cleaned_data", {}) or {}
        return {key: data[key] for key in self.fields if key in data}

    def dependency_of(self, key: str):
        question = self.dependent.get(key)
        if question is None:
            return None
        return {"field": f"id_{question.depends_on.key}", "value": question.depends_value}


class DocumentForm(forms.Form):
    """One upload; the type is judged by content (core.files.validate_document) in the view's service call."""

    file = forms.FileField(
        label="File",
        help_text="PDF, Word (DOCX) or OpenDocument (ODT), at most 10 MB.",
        required=True,
        allow_empty_file=True,  # validate_document refuses it, with the formats and the size limit in the message
        error_messages={"required": "Choose a file to upload."},
    )

    def __init__(self, *args, label: str, required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = label
        self.fields["file"].required = required
        self.fields["file"].widget.attrs["accept"] = ".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"

    def clean_file(self):
        from campus.core.files import validate_document

        upload = self.cleaned_data.get("file")
        if upload:
            self.detected = validate_document(upload)
        return upload


class ConsentForm(forms.Form):
    accept = forms.BooleanField(
        required=True,
        error_messages={"required": "Please accept the privacy notice to apply: we cannot handle your application without it."},
    )

    def __init__(self, *args, version: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept"].label = (
            f"I have read the privacy notice (version {version}) and agree that the programme team handles my "
            "application data as it describes."
        )


class BossLetterForm(forms.Form):
    """Who the "convince your boss" letter is from and to (prefilled from the application)."""

    applicant_name = forms.CharField(label="Your name", max_length=MAX_LENGTHS["applicant_name"])
    role = forms.CharField(label="Your role", required=False, max_length=MAX_LENGTHS["role"])
    organisation = forms.CharField(label="Your organisation", required=False, max_length=MAX_LENGTHS["organisation"])
    boss_name = forms.CharField(
        label="Your manager's name", required=False, max_length=MAX_LENGTHS["boss_name"],
        help_text="Leave it empty to start the letter with “Dear Manager”.",
    )
