from django import forms

from campus.radars.sharing import Visibility

from .models import LinkKind, Signal


class SignalForm(forms.ModelForm):
    source_url = forms.URLField(label="Source URL", required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Signal
        fields = ["title", "seen", "why", "source_url", "source_kind", "seen_on", "steep", "kind", "strength",
                  "horizon", "tags", "impact", "uncertainty"]
        widgets = {"seen_on": forms.DateInput(attrs={"type": "date"}),
                   "seen": forms.Textarea(attrs={"rows": 4}), "why": forms.Textarea(attrs={"rows": 4})}


class ShareForm(forms.Form):
    visibility = forms.ChoiceField(choices=Visibility.choices, initial=Visibility.PRIVATE, label="Who can see it")
    group = forms.ChoiceField(required=False, label="Coaching group (for “My coaching group”)")

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = {str(g.pk): g for g in groups}
        self.fields["group"].choices = [("", "—")] + [(str(g.pk), f"Coaching group {g.number}") for g in groups]

    def clean(self):
        data = super().clean()
        data["group_obj"] = self.groups.get(data.get("group") or "")
        if data.get("visibility") == Visibility.GROUP and data["group_obj"] is None:
            self.add_error("group", "Choose one of your coaching groups.")
        return data


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
