from django import forms

from campus.coaching.models import CoachingGroup
from campus.radars import sharing
from campus.radars.models import Radar

from .models import Card, Decision


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
