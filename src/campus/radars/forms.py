"""Forms of the radars: a new radar, its quadrants and rings, a blip, an edition, sharing, the list's filters."""

import re

from django import forms

from .selectors import Movement
from .sharing import OwnerKind, Visibility

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class RadarForm(forms.Form):
    title = forms.CharField(label="Title", max_length=150,
                            help_text="For example “Smart-energy cluster radar”.")
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                  max_length=5000)
    owner_kind = forms.ChoiceField(label="Whose radar is it?", widget=forms.RadioSelect, choices=[
        (OwnerKind.PARTICIPANT, "Mine"), (OwnerKind.GROUP, "My coaching group's (every member edits it)"),
        (OwnerKind.COHORT, "The cohort's (every participant edits it)")], initial=OwnerKind.PARTICIPANT)
    group = forms.TypedChoiceField(label="Coaching group", coerce=int, required=False, empty_value=None,
                                   help_text="Only for a group's radar.")

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", "—")] + [(g.pk, f"{g.round.title}: group {g.number}") for g in groups]
        if not groups:
            self.fields["owner_kind"].choices = [c for c in self.fields["owner_kind"].choices
                                                 if c[0] != OwnerKind.GROUP]

    def clean(self):
        data = super().clean()
        if data.get("owner_kind") == OwnerKind.GROUP and not data.get("group"):
            self.add_error("group", "Choose the coaching group that owns the radar.")
        return data


class RadarDetailsForm(forms.Form):
    title = forms.CharField(label="Title", max_length=150)
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                  max_length=5000)


class QuadrantForm(forms.Form):
    name = forms.CharField(label="Name", max_length=80)
    description = forms.CharField(label="Description", required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class RingForm(QuadrantForm):
    colour = forms.CharField(label="Colour", max_length=7, help_text="As #rrggbb, e.g. #1b5e20.",
                             widget=forms.TextInput(attrs={"type": "color"}))

    def clean_colour(self):
        colour = self.cleaned_data["colour"].strip()
        if not COLOUR.match(colour):
            raise forms.ValidationError("Give the colour as # and six hexadecimal digits, e.g. #1b5e20.")
        return colour.lower()


class BlipForm(forms.Form):
    name = forms.CharField(label="Item", max_length=150,
                           help_text="The technology or idea. An item already on the radar continues its history.")
    quadrant = forms.TypedChoiceField(label="Quadrant", coerce=int)
    ring = forms.TypedChoiceField(label="Ring", coerce=int)
    rationale = forms.CharField(label="Rationale", required=False, max_length=5000,
                                widget=forms.Textarea(attrs={"rows": 4}),
                                help_text="Why it is in this ring in this edition.")
    tags = forms.CharField(label="Tags", required=False, max_length=300, help_text="Comma-separated.")
    link = forms.URLField(label="Link", required=False, max_length=500, assume_scheme="https")

    def __init__(self, *args, quadrants, rings, fixed_name=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quadrant"].choices = [(q.position, q.name) for q in quadrants]
        self.fields["ring"].choices = [(r.position, r.name) for r in rings]
        if fixed_name:
            del self.fields["name"], self.fields["tags"], self.fields["link"]


class EditionForm(forms.Form):
    name = forms.CharField(label="Name of the new edition", max_length=80, required=False,
                           help_text="For example “2021-10”; empty: this month.")


class SharingForm(forms.Form):
    visibility = forms.ChoiceField(label="Who can see the radar?", widget=forms.RadioSelect,
                                   choices=Visibility.choices)
    group = forms.TypedChoiceField(label="Coaching group", coerce=int, required=False, empty_value=None,
                                   help_text="For “My coaching group”.")

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", "—")] + [(g.pk, f"{g.round.title}: group {g.number}") for g in groups]

    def clean(self):
        data = super().clean()
        if data.get("visibility") == Visibility.GROUP and not data.get("group"):
            self.add_error("group", "Choose the coaching group that may see it.")
        return data


class FilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=100)
    quadrant = forms.TypedChoiceField(label="Quadrant", coerce=int, required=False, empty_value=None)
    ring = forms.TypedChoiceField(label="Ring", coerce=int, required=False, empty_value=None)
    status = forms.ChoiceField(label="Status", required=False,
                               choices=[("", "Any")] + [(m, Movement.LABELS[m]) for m in Movement.ALL])
    tag = forms.ChoiceField(label="Tag", required=False)

    def __init__(self, *args, quadrants, rings, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quadrant"].choices = [("", "Any")] + [(q.position, q.name) for q in quadrants]
        self.fields["ring"].choices = [("", "Any")] + [(r.position, r.name) for r in rings]
        self.fields["tag"].choices = [("", "Any")] + [(t, t) for t in tags]

    def values(self) -> dict:
        if not self.is_valid():
            return {}
        d = self.cleaned_data
        return {"q": d.get("q") or "", "quadrant": d.get("quadrant"), "ring": d.get("ring"),
                "movement": d.get("status") or "", "tag": d.get("tag") or ""}
