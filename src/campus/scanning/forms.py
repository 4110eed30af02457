from django import forms

from campus.radars.sharing import OwnerKind, Visibility

from .models import LinkKind, Signal


class SignalForm(forms.ModelForm):
    source_url = forms.URLField(label="Source URL", required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Signal
        fields = ["title", "seen", "why", "source_url", "source_kind", "seen_on", "steep", "kind", "strength",
                  "horizon", "tags", "impact", "uncertainty"]
        widgets = {"seen_on": forms.DateInput(attrs={"type": "date"}),
                   "seen": forms.Textarea(attrs={"rows": 4}), "why": forms.Textarea(attrs={"rows": 4})}


def _group_choices(groups) -> list:
    return [("", "—")] + [(str(g.pk), f"{g.round.title}: group {g.number}") for g in groups]


class CaptureForm(SignalForm):
    """A new signal: its fields, and whose log it goes to (the person's, a coaching group's or the cohort's)."""

    LOG_FIELDS = ("owner_kind", "group")

    owner_kind = forms.ChoiceField(label="Whose log is it for?", widget=forms.RadioSelect, initial=OwnerKind.PARTICIPANT,
                                   required=False,
                                   choices=[(OwnerKind.PARTICIPANT, "My own log (private until I share it)"),
                                            (OwnerKind.GROUP, "My coaching group's log (every member edits it)"),
                                            (OwnerKind.COHORT, "The cohort's log (every participant edits it)")])
    group = forms.ChoiceField(label="Coaching group", required=False, help_text="Only for a coaching group's log.")

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = {str(g.pk): g for g in groups}
        self.fields["group"].choices = _group_choices(groups)
        if not groups:
            self.fields["owner_kind"].choices = [c for c in self.fields["owner_kind"].choices
                                                 if c[0] != OwnerKind.GROUP]
            del self.fields["group"]

    def signal_fields(self):
        return [f for f in self if f.name not in self.LOG_FIELDS]

    def clean(self):
        data = super().clean()
        data["group"] = self.groups.get(data.get("group") or "")
        data["owner_kind"] = data.get("owner_kind") or OwnerKind.PARTICIPANT  # not asked: the person's own log
        if data.get("owner_kind") == OwnerKind.GROUP and data["group"] is None:
            self.add_error("group", "Choose the coaching group whose log it is.")
        return data


class ShareForm(forms.Form):
    visibility = forms.ChoiceField(choices=Visibility.choices, label="Who can see the signal?",
                                   widget=forms.RadioSelect)
    group = forms.ChoiceField(required=False, label="Coaching group", help_text="For “My coaching group”.")

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = {str(g.pk): g for g in groups}
        self.fields["group"].choices = _group_choices(groups)

    def clean(self):
        data = super().clean()
        data["group_obj"] = self.groups.get(data.get("group") or "")
        if data.get("visibility") == Visibility.GROUP and data["group_obj"] is None:
            self.add_error("group", "Choose one of your coaching groups.")
        return data


class StaffFilterForm(forms.Form):
    """The staff overview's filters: STEEP(V) category, type, triage state (each optional)."""

    steep = forms.ChoiceField(label="STEEP(V)", required=False)
    kind = forms.ChoiceField(label="Type", required=False)
    state = forms.ChoiceField(label="State", required=False)

    def __init__(self, *args, steep_choices, kind_choices, state_choices, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in (("steep", steep_choices), ("kind", kind_choices), ("state", state_choices)):
            self.fields[name].choices = [("", "Any")] + list(choices)

    def values(self) -> dict:
        if not self.is_valid():
            return {"steep": "", "kind": "", "state": ""}
        return {name: self.cleaned_data.get(name) or "" for name in ("steep", "kind", "state")}


class CommentForm(forms.Form):
    text = forms.CharField(label="Your comment", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class LinkForm(forms.Form):
    kind = forms.ChoiceField(choices=LinkKind.choices, label="This signal")
    target = forms.ChoiceField(label="Signal")

    def __init__(self, *args, others=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.others = {str(s.pk): s for s in others}
        self.fields["target"].choices = [(k, s.title) for k, s in self.others.items()]


class PromoteForm(forms.Form):
    radar_place = forms.ChoiceField(label="Radar, quadrant and ring")
    name = forms.CharField(label="Name of the radar item", max_length=150)

    def __init__(self, *args, radars=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        for radar in radars:
            for q in radar.quadrants.all():
                for r in radar.rings.all():
                    choices.append((f"{radar.pk}:{q.position}:{r.position}", f"{radar.title} — {q.name} — {r.name}"))
        self.fields["radar_place"].choices = choices
        self.radars = {radar.pk: radar for radar in radars}

    def place(self):
        radar_id, quadrant, ring = (int(x) for x in self.cleaned_data["radar_place"].split(":"))
        return self.radars[radar_id], quadrant, ring


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV or JSON file", help_text="Columns: title (required), seen, why, source_url, "
                           "source_kind, seen_on, steep, kind, strength, horizon, tags, impact, uncertainty.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The file is larger than 5 MB.")
        return upload
