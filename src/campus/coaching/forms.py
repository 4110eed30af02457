"""Forms of peer coaching: a new round (title, module, seed), a move by hand, a session of a group."""

from django import forms

from campus.core.ids import IdChoiceField, IdMultipleChoiceField

from .services import latest_session_date


class RoundForm(forms.Form):
    title = forms.CharField(label="Title of the round", max_length=120,
                            help_text="For example “Module 2 coaching groups”; participants see it.")
    module = IdChoiceField(label="Module", queryset=None, required=False, empty_label="The whole edition",
                           help_text="The module the round belongs to, if any.")
    seed = forms.IntegerField(label="Seed", min_value=1, max_value=999_999, initial=1,
                              help_text="Another number gives another arrangement of equal quality.")

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = modules


class MoveForm(forms.Form):
    participant = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    to_group = IdChoiceField(label="Move to", queryset=None, empty_label=None)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_group"].queryset = groups
        self.fields["to_group"].label_from_instance = lambda group: f"Group {group.number}"


class AttendeesField(IdMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, participant):
        return participant.user.full_name or participant.user.email


class SessionForm(forms.Form):
    held_on = forms.DateField(label="Date of the session", widget=forms.DateInput(attrs={"type": "date"}),
                              help_text="The day the group met, e.g. 2026-12-03.")
    attendees = AttendeesField(label="Who took part", queryset=None,
                               help_text="Members of the group only.")
    notes = forms.CharField(label="Notes", required=False, max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 5}),
                            help_text="Only the members of your group read them; the programme team does not.")

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > latest_session_date():
            raise forms.ValidationError("The date is in the future: log a session once it has been held.")
        return held_on
