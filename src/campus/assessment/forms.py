from django import forms
from django.contrib.auth import get_user_model

from campus.coaching.models import CoachingGroup
from campus.radars import sharing
from campus.radars.models import Radar
from campus.scanning.models import Signal

from .models import Card, CriterionGroup, Decision


class BoardForm(forms.Form):
    title = forms.CharField(max_length=150)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    target_radar = forms.ModelChoiceField(queryset=Radar.objects.none(), required=False,
                                          help_text="Decisions land on the next draft edition of this radar.")
    group = forms.ChoiceField(label="Share with my coaching group", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        radars = [r.pk for r in sharing.visible_to(user, Radar.objects.all()) if sharing.can_edit(user, r)]
        self.fields["target_radar"].queryset = Radar.objects.filter(pk__in=radars).order_by("title")
        groups = CoachingGroup.objects.filter(pk__in=sharing.group_ids(user)).order_by("pk")
        self.fields["group"].choices = [("", "No (private)")] + [(str(g.pk), str(g)) for g in groups]
        self._groups = {str(g.pk): g for g in groups}

    def clean_group(self):
        value = self.cleaned_data.get("group") or ""
        return self._groups.get(value)


class CardForm(forms.ModelForm):
    class Meta:
        model = Card
        fields = ["title", "kind", "description", "trl", "trl_evidence"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "trl_evidence": forms.Textarea(attrs={"rows": 3})}


class CardEditForm(forms.ModelForm):
    """The card's edit page: ``owners`` are those who may edit the board, ``signals`` those the editor may link."""

    owner = forms.ModelChoiceField(queryset=None, required=False, empty_label="Nobody",
                                   help_text="Someone who may edit the board.")
    linked_signals = forms.ModelMultipleChoiceField(queryset=None, required=False, label="Linked signals",
                                                    widget=forms.CheckboxSelectMultiple,
                                                    help_text="Signals of the cohort the card rests on.")

    class Meta:
        model = Card
        fields = ["title", "kind", "owner", "trl", "trl_evidence", "description", "linked_signals"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "trl_evidence": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, owners, signals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = get_user_model().objects.filter(pk__in=[u.pk for u in owners]).order_by(
            "full_name", "email")
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.email
        self.fields["linked_signals"].queryset = Signal.objects.filter(pk__in=[s.pk for s in signals]).order_by(
            "title", "id")
        self.fields["linked_signals"].label_from_instance = lambda s: s.title
        if self.instance.pk and not self.is_bound:
            seen = {s.pk for s in signals}
            self.initial["linked_signals"] = [s.pk for s in self.instance.linked_signals.all() if s.pk in seen]

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("Give the card a title.")
        return title


class CriterionForm(forms.Form):
    """A criterion of the board's scorecard: its group, name, weight and what each of the five levels means."""

    group = forms.ChoiceField(choices=CriterionGroup.choices)
    name = forms.CharField(max_length=120)
    weight = forms.IntegerField(min_value=0, max_value=10, initial=1,
                                help_text="0 to 10: how much the criterion counts in the weighted mean.")
    level_1 = forms.CharField(label="Level 1 means", max_length=200)
    level_2 = forms.CharField(label="Level 2 means", max_length=200)
    level_3 = forms.CharField(label="Level 3 means", max_length=200)
    level_4 = forms.CharField(label="Level 4 means", max_length=200)
    level_5 = forms.CharField(label="Level 5 means", max_length=200)

    def __init__(self, *args, criterion=None, **kwargs):
        if criterion is not None:
            kwargs.setdefault("initial", {
                "group": criterion.group, "name": criterion.name, "weight": criterion.weight,
                **{f"level_{i}": text for i, text in enumerate(criterion.anchor_list, start=1)}})
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        for i in range(1, 6):
            if "|" in data.get(f"level_{i}", ""):
                self.add_error(f"level_{i}", "A level's text cannot contain the character |.")
        return data

    @property
    def anchors(self) -> str:
        return "|".join(self.cleaned_data[f"level_{i}"].strip() for i in range(1, 6))


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=Decision.choices, widget=forms.RadioSelect)
    quadrant = forms.TypedChoiceField(coerce=int, required=False, label="Quadrant on the radar")
    rationale = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, radar=None, **kwargs):
        super().__init__(*args, **kwargs)
        quadrants = list(radar.quadrants.order_by("position")) if radar else []
        self.fields["quadrant"].choices = [(q.position, q.name) for q in quadrants]
        if not quadrants:
            del self.fields["quadrant"]


class FromSignalForm(forms.Form):
    board = forms.TypedChoiceField(coerce=int)

    def __init__(self, *args, boards, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].choices = [(b.pk, b.title) for b in boards]
