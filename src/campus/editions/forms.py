"""The clone form: the source, the parts, the new name and short name, and the date shift (whole weeks, or the
new start date of Module 1 turned into whole weeks so every weekday stays)."""

from __future__ import annotations

import uuid

from django import forms
from django.utils.text import slugify

from campus.core.plugins import clone
from campus.core.plugins.clone import Shift, day_text

from . import selectors

BY_WEEKS, BY_START = "weeks", "start"


class CloneForm(forms.Form):
    source = forms.TypedChoiceField(label="Edition to copy", coerce=int)
    parts = forms.MultipleChoiceField(
        label="Parts to copy", widget=forms.CheckboxSelectMultiple, required=False,
        help_text="A part another one needs comes along with it (meetups need the modules, the review criteria "
                  "the call ...). Nothing personal is ever copied: no applications, participants, reviews, mails "
                  "or team roles.")
    name = forms.CharField(label="Name of the new edition", max_length=80, help_text="For example 2026–2027.")
    slug = forms.SlugField(label="Short name (in addresses)", max_length=50,
                           help_text="Letters, digits and hyphens, e.g. 2026-2027. Unique in the programme.")
    shift_by = forms.ChoiceField(label="Move the dates", widget=forms.RadioSelect, initial=BY_WEEKS,
                                 choices=[(BY_WEEKS, "By a number of weeks"),
                                          (BY_START, "To a new start date of Module 1")])
    weeks = forms.IntegerField(label="Weeks", required=False, min_value=-2000, max_value=2000,
                               help_text="Whole weeks keep every weekday: a Monday meetup stays on a Monday.")
    start_on = forms.DateField(label="New start date of Module 1", required=False,
                               widget=forms.DateInput(attrs={"type": "date"}),
                               help_text="Rounded to whole weeks from the old start, so every weekday stays.")
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, editions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.editions = {e.pk: e for e in editions}
        self.fields["source"].choices = [(e.pk, str(e)) for e in editions]
        self.fields["parts"].choices = [(p.key, p.label) for p in clone.parts()]
        self.part_rows = [(p.label, p.description) for p in clone.parts()]
        if not self.is_bound:
            self.initial.setdefault("parts", [p.key for p in clone.parts()])
            self.initial.setdefault("token", uuid.uuid4().hex)
        self.shift = None
        self.shift_note = ""
        self.added = []

    def clean_slug(self):
        return slugify(self.cleaned_data["slug"])

    def clean_token(self):
        return self.cleaned_data["token"] or uuid.uuid4().hex

    def clean(self):
        data = super().clean()
        source = self.editions.get(data.get("source"))
        data["source_edition"] = source
        chosen = data.get("parts") or []
        data["keys"] = clone.with_dependencies(chosen)
        labels = {p.key: p.label for p in clone.parts()}
        self.added = [labels[key] for key in data["keys"] if key not in chosen]
        if source is not None and data.get("slug") and selectors.slug_taken(source.programme, data["slug"]):
            self.add_error("slug", "An edition with this short name exists already. Choose another.")
        if source is not None:
            self._shift(data, source)
        return data

    def _shift(self, data, source):
        if data.get("shift_by") == BY_START:
            start = data.get("start_on")
            old = selectors.first_module_start(source)
            if start is None:
                self.add_error("start_on", "Enter the new start date of Module 1, or move by a number of weeks.")
                return
            if old is None:
                self.add_error("start_on", "This edition has no modules: move it by a number of weeks.")
                return
            weeks = round((start - old).days / 7)
            self.shift = Shift(weeks * 7)
            moved = self.shift.day(old)
            self.shift_note = (f"Moved by {weeks} weeks: Module 1 starts on {day_text(moved)}, the same weekday as "
                               f"before ({day_text(old)})." + ("" if moved == start else
                               f" You asked for {day_text(start)}; whole weeks keep every weekday."))
        else:
            weeks = data.get("weeks")
            if weeks is None:
                if "weeks" not in self.errors:
                    self.add_error("weeks", "Enter a number of weeks (e.g. 52 for a year later), or a new start date.")
                return
            self.shift = Shift(weeks * 7)
            self.shift_note = f"Moved by {weeks} weeks ({weeks * 7} days): every weekday stays."
