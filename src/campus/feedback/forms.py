"""Forms of the survey pages: the survey's settings and its questions (staff), and the answers (participants).

Times are typed as wall-clock times of the survey's zone (its module's; a survey of the whole edition: the site's).
"""

import zoneinfo

from django import forms
from django.conf import settings
from django.utils import timezone

from .models import LIKERT_LABELS, Question


def _aware(value, zone_name):
    naive = timezone.make_naive(value, timezone.get_current_timezone()) if timezone.is_aware(value) else value
    return naive.replace(tzinfo=zoneinfo.ZoneInfo(zone_name))


class ModuleChoice(forms.ModelChoiceField):
    def label_from_instance(self, module):
        return f"Module {module.number}: {module.title}"


class SurveyForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    intro = forms.CharField(label="Introduction", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text="Shown to participants above the questions.")
    module = ModuleChoice(label="Module", queryset=None, required=False, empty_label="The whole edition",
                          help_text="A module's survey: its module leads read the results.")
    anonymous = forms.TypedChoiceField(
        label="Answers are", coerce=lambda value: value == "yes", widget=forms.RadioSelect,
        choices=[("yes", "Anonymous: stored without the participant's name and without a time"),
                 ("no", "Named: the team sees who answered what")],
        help_text="Participants read this before they answer. It cannot change once the survey is open.")
    local_opens = forms.DateTimeField(label="Opens (local time, optional)", required=False,
                                      help_text="In the module's time zone, e.g. 2026-12-03 09:00.")
    local_closes = forms.DateTimeField(label="Closes (local time, optional)", required=False,
                                       help_text="In the module's time zone; after it, no more answers.")

    def __init__(self, *args, modules, locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = modules
        if locked:  # no longer a draft
            for name in ("module", "anonymous"):
                self.fields[name].disabled = True

    def clean(self):
        cleaned = super().clean()
        module = cleaned.get("module")
        zone = module.timezone if module is not None else settings.TIME_ZONE
        cleaned["opens_at"] = _aware(cleaned["local_opens"], zone) if cleaned.get("local_opens") else None
        cleaned["closes_at"] = _aware(cleaned["local_closes"], zone) if cleaned.get("local_closes") else None
        if cleaned["opens_at"] and cleaned["closes_at"] and cleaned["closes_at"] <= cleaned["opens_at"]:
            self.add_error("local_closes", "The survey must close after it opens.")
        return cleaned

    @staticmethod
    def initial_for(survey) -> dict:
        zone = zoneinfo.ZoneInfo(survey.zone_name)
        local = lambda moment: moment.astimezone(zone).replace(tzinfo=None) if moment else None  # noqa: E731
        return {"title": survey.title, "intro": survey.intro, "module": survey.module_id,
                "anonymous": "yes" if survey.anonymous else "no",
                "local_opens": local(survey.opens_at), "local_closes": local(survey.closes_at)}


class QuestionForm(forms.Form):
    text = forms.CharField(label="Question", max_length=300)
    kind = forms.ChoiceField(label="Kind of answer", choices=Question.Kind.choices, widget=forms.RadioSelect)
    help_text = forms.CharField(label="Help under the question (optional)", max_length=300, required=False)
    choices = forms.CharField(label="Choices, one per line", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="For one choice or several choices. The agreement scale has its own five "
                                        "labels: " + ", ".join(LIKERT_LABELS) + ".")
    required = forms.BooleanField(label="An answer is required", required=False, initial=True)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            lines = [line.strip() for line in (cleaned.get("choices") or "").splitlines() if line.strip()]
            if len(lines) < 2:
                self.add_error("choices", "Give at least two choices, one per line.")
            elif len(set(lines)) != len(lines):
                self.add_error("choices", "Each choice may appear only once.")
            else:
                cleaned["choices"] = "\n".join(lines)
        return cleaned


class AnswerForm(forms.Form):
    """One field per question, named by the question's id. Saving a draft accepts gaps; submitting does not."""

    def __init__(self, *args, questions, complete=True, **kwargs):
        kwargs.setdefault("auto_id", "question-%s")
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            required = question.required and complete
            label, help_text = question.text, question.help_text
            if question.kind == Question.Kind.LIKERT:
                field = forms.TypedChoiceField(
                    choices=[(str(i + 1), f"{i + 1} – {text}") for i, text in enumerate(LIKERT_LABELS)],
                    coerce=int, widget=forms.RadioSelect, required=required, empty_value=None)
            elif question.kind == Question.Kind.SINGLE:
                field = forms.ChoiceField(choices=[(c, c) for c in question.choice_list], widget=forms.RadioSelect,
                                          required=required)
            elif question.kind == Question.Kind.MULTIPLE:
                field = forms.MultipleChoiceField(choices=[(c, c) for c in question.choice_list],
                                                  widget=forms.CheckboxSelectMultiple, required=required)
            else:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, required=required)
            field.label, field.help_text = label, help_text
            field.required_when_asked = question.required
            if question.required and question.kind != Question.Kind.TEXT:
                field.error_messages["required"] = "Choose an answer."
            elif question.required:
                field.error_messages["required"] = "Write an answer."
            self.fields[question.key] = field

    def answers(self) -> dict:
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "", [])}

    def rows(self):
        """(question, bound field) in order, for the template."""
        return [(question, self[question.key]) for question in self.questions]
