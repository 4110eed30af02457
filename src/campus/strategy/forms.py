"""Forms of the strategy: a new strategy, its texts, an objective, an action, an indicator with its targets, a
check-in (built from the strategy's indicators and actions), sharing, a comment, an import."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms

from campus.radars.sharing import OwnerKind, Visibility

from .models import ActionStatus, Direction

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TARGET_LINE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*[:=;,]?\s*(-?[\d\s.,]+)\s*$")
MAX_NUMBER = Decimal("999999999999")


def _groups_choices(groups):
    return [("", "—")] + [(g.pk, f"{g.round.title}: group {g.number}") for g in groups]


class StrategyDetailsForm(forms.Form):
    cluster_name = forms.CharField(label="Cluster name", max_length=150,
                                   help_text="The cluster this strategy is for, e.g. “Ostrobothnia Energy Cluster”.")
    vision = forms.CharField(label="Vision", required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Where the cluster wants to be in the long run.")
    mission = forms.CharField(label="Mission", required=False, max_length=3000,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text="What the cluster does, for whom, and why.")


class StrategyForm(StrategyDetailsForm):
    owner_kind = forms.ChoiceField(label="Whose strategy is it?", widget=forms.RadioSelect, choices=[
        (OwnerKind.PARTICIPANT, "Mine"), (OwnerKind.GROUP, "My coaching group's (every member edits it)")],
        initial=OwnerKind.PARTICIPANT)
    group = forms.TypedChoiceField(label="Coaching group", coerce=int, required=False, empty_value=None,
                                   help_text="Only for a group's strategy.")

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = _groups_choices(groups)
        if not groups:
            self.fields["owner_kind"].choices = [c for c in self.fields["owner_kind"].choices
                                                 if c[0] != OwnerKind.GROUP]

    def clean(self):
        data = super().clean()
        if data.get("owner_kind") == OwnerKind.GROUP and not data.get("group"):
            self.add_error("group", "Choose the coaching group that owns the strategy.")
        return data


class ObjectiveForm(forms.Form):
    title = forms.CharField(label="Objective", max_length=200,
                            help_text="A strategic objective, e.g. “Double the members' joint export projects”.")
    description = forms.CharField(label="Description", required=False, max_length=3000,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class ActionForm(forms.Form):
    title = forms.CharField(label="Action", max_length=200)
    owner_name = forms.CharField(label="Owner", max_length=150, required=False,
                                 help_text="Who carries it out: a name or a role, e.g. “Cluster manager”.")
    due_date = forms.DateField(label="Due date", required=False, widget=DATE,
                               error_messages={"invalid": "Give the date as year-month-day, e.g. 2027-06-30."})
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices, initial=ActionStatus.PLANNED)


def parse_number(text: str) -> Decimal:
    """“1 250,5” or “1250.5” → Decimal; ValueError with a message the person reads."""
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(f"“{text}” is not a number.") from error
    if not value.is_finite() or abs(value) > MAX_NUMBER:
        raise ValueError(f"“{text}” is not a number we can keep (at most 12 digits before the point).")
    return value.quantize(Decimal("0.0001"))


class NumberField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def clean(self, value):
        text = super().clean(value)
        if text in (None, ""):
            return None
        try:
            return parse_number(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


class IndicatorForm(forms.Form):
    name = forms.CharField(label="Indicator", max_length=200, help_text="What you measure, e.g. “Member companies”.")
    unit = forms.CharField(label="Unit", max_length=40, required=False, help_text="e.g. “companies”, “%”, “EUR”.")
    baseline_value = NumberField(label="Baseline value")
    baseline_date = forms.DateField(label="Baseline date", widget=DATE,
                                    error_messages={"invalid": "Give the date as year-month-day, e.g. 2026-01-31."})
    direction = forms.ChoiceField(label="Which way is better?", choices=Direction.choices, widget=forms.RadioSelect,
                                  initial=Direction.UP)
    targets = forms.CharField(
        label="Targets", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line: the date, then the value, e.g. “2027-12-31 40”.")

    def clean_targets(self):
        found, problems = [], []
        for n, line in enumerate(self.cleaned_data.get("targets", "").splitlines(), start=1):
            if not line.strip():
                continue
            match = TARGET_LINE.match(line)
            if not match:
                problems.append(f"Line {n} (“{line.strip()[:40]}”): write the date, then the value.")
                continue
            try:
                when = date.fromisoformat(match.group(1))
                value = parse_number(match.group(2))
            except ValueError as error:
                problems.append(f"Line {n}: {error}")
                continue
            found.append((when, value))
        if len({d for d, _ in found}) != len(found):
            problems.append("Two targets have the same date: keep one.")
        if problems:
            raise forms.ValidationError(" ".join(problems))
        return sorted(found)


def targets_text(targets) -> str:
    from .selectors import number

    return "\n".join(f"{t.date:%Y-%m-%d} {number(t.value)}" for t in targets)


class CheckInForm(forms.Form):
    """A check-in: its date and note, a value and a note per indicator, a status per action."""

    date = forms.DateField(label="Date of the check-in", widget=DATE,
                           error_messages={"invalid": "Give the date as year-month-day, e.g. 2027-03-31."})
    note = forms.CharField(label="Note", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="What happened since the last check-in.")

    def __init__(self, *args, indicators=(), actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators, self.actions = list(indicators), list(actions)
        self.summary_labels = {}
        for ind in self.indicators:
            unit = f" ({ind.unit})" if ind.unit else ""
            self.fields[f"value_{ind.pk}"] = NumberField(label=f"Value{unit}", required=False,
                                                         help_text="Empty: not measured this time.")
            self.fields[f"note_{ind.pk}"] = forms.CharField(label="Note on this value", required=False,
                                                            max_length=2000)
            self.summary_labels[f"value_{ind.pk}"] = f"{ind.name}: value"
            self.summary_labels[f"note_{ind.pk}"] = f"{ind.name}: note"
        for action in self.actions:
            self.fields[f"status_{action.pk}"] = forms.ChoiceField(label="Status", choices=ActionStatus.choices,
                                                                  initial=action.status)
            self.summary_labels[f"status_{action.pk}"] = f"{action.title}: status"

    def indicator_rows(self):
        return [(ind, self[f"value_{ind.pk}"], self[f"note_{ind.pk}"]) for ind in self.indicators]

    def action_rows(self):
        return [(action, self[f"status_{action.pk}"]) for action in self.actions]

    def readings(self):
        d = self.cleaned_data
        return [(ind, d.get(f"value_{ind.pk}"), d.get(f"note_{ind.pk}", "")) for ind in self.indicators]

    def statuses(self):
        return {a: self.cleaned_data[f"status_{a.pk}"] for a in self.actions}


SHARE_CHOICES = [
    (Visibility.PRIVATE, "Private (only the owners)"),
    ("leads", "The module leads of my edition (and the owners)"),
    (Visibility.GROUP, "My coaching group (and the module leads)"),
    (Visibility.COHORT, "The whole cohort (and the module leads)"),
]


class SharingForm(forms.Form):
    visibility = forms.ChoiceField(label="Who can see the strategy?", widget=forms.RadioSelect, choices=SHARE_CHOICES)
    group = forms.TypedChoiceField(label="Coaching group", coerce=int, required=False, empty_value=None,
                                   help_text="For “My coaching group”.")

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = _groups_choices(groups)

    def clean(self):
        data = super().clean()
        if data.get("visibility") == Visibility.GROUP and not data.get("group"):
            self.add_error("group", "Choose the coaching group that may see it.")
        return data


class CommentForm(forms.Form):
    text = forms.CharField(label="Comment", max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    objective = forms.TypedChoiceField(label="About", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, objectives=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].choices = [("", "The strategy as a whole")] + [
            (o.pk, f"Objective {n}: {o.title}") for n, o in enumerate(objectives, start=1)]


class ImportForm(forms.Form):
    upload = forms.FileField(label="File", help_text="A strategy exported from here as JSON, at most 2 MB.")

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError("The file is larger than 2 MB.")
        return upload
