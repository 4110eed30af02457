"""Forms of the canvases: a new canvas, a note, moving a note, a version, comparing, sharing, a comment, import."""

from django import forms

from .models import COLOURS
from .services import Audience


class CanvasForm(forms.Form):
    canvas_type = forms.TypedChoiceField(label="Canvas type", coerce=int, widget=forms.RadioSelect)
    title = forms.CharField(label="Title", max_length=150, help_text="For example “SWOT of our cluster, spring”.")
    owner_kind = forms.ChoiceField(label="Whose canvas is it?", widget=forms.RadioSelect, choices=[
        ("participant", "Mine"), ("group", "My coaching group's (every member edits it)")], initial="participant")
    group = forms.TypedChoiceField(label="Coaching group", coerce=int, required=False, empty_value=None,
                                   help_text="Only for a group's canvas.")

    def __init__(self, *args, types=(), groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["canvas_type"].choices = [(t.pk, t.title) for t in types]
        self.fields["group"].choices = [("", "—")] + [(g.pk, f"{g.round.title}: group {g.number}") for g in groups]
        if not groups:
            self.fields["owner_kind"].choices = [("participant", "Mine")]

    def clean(self):
        data = super().clean()
        if data.get("owner_kind") == "group" and not data.get("group"):
            self.add_error("group", "Choose the coaching group that owns the canvas.")
        return data


class DetailsForm(forms.Form):
    title = forms.CharField(label="Title", max_length=150)
    description = forms.CharField(label="Description", required=False, max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class ItemForm(forms.Form):
    text = forms.CharField(label="Note", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": "Write the note's text."})
    colour = forms.ChoiceField(label="Colour", choices=COLOURS, initial="yellow")
    box = forms.TypedChoiceField(label="Box", coerce=int)

    def __init__(self, *args, boxes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["box"].choices = [(b.pk, b.title) for b in boxes]


class VersionForm(forms.Form):
    note = forms.CharField(label="What changed (optional)", max_length=300, required=False,
                           help_text="For example “after the workshop with the board”.")


class SharingForm(forms.Form):
    audience = forms.ChoiceField(label="Who can see it", widget=forms.RadioSelect, choices=Audience.CHOICES)
    group = forms.TypedChoiceField(label="Coaching group", coerce=int, required=False, empty_value=None,
                                   help_text="Only when sharing with a coaching group.")

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", "—")] + [(g.pk, f"{g.round.title}: group {g.number}") for g in groups]
        if not groups:
            self.fields["audience"].choices = [c for c in Audience.CHOICES if c[0] != Audience.GROUP]

    def clean(self):
        data = super().clean()
        if data.get("audience") == Audience.GROUP and not data.get("group") and len(self.fields["group"].choices) > 2:
            self.add_error("group", "Choose the coaching group to share it with.")
        return data


class CommentForm(forms.Form):
    body = forms.CharField(label="Your comment", max_length=5000, widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": "Write your comment."})


class ImportForm(forms.Form):
    file = forms.FileField(label="Canvas file (JSON)", help_text="A file exported from a canvas here; at most 1 MB.",
                           error_messages={"required": "Choose the JSON file to import."})
