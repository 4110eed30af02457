"""The staff forms of certificates: the edition's rules, issuing by hand, revoking; and the public code lookup."""

from django import forms

from campus.core.plugins import criteria as registry

from . import codes


class RulesForm(forms.Form):
    """One checkbox per registered criterion, and its parameters (e.g. "at least 6 meetups")."""

    def __init__(self, *args, rules=(), **kwargs):
        super().__init__(*args, **kwargs)
        current = {rule.row.criterion: rule.parameters for rule in rules}
        self.criteria = registry.all_criteria()
        self.groups = []
        for criterion in self.criteria:
            use = f"use_{criterion.key}"
            self.fields[use] = forms.BooleanField(
                label=criterion.label, required=False, initial=criterion.key in current,
                help_text=criterion.describe({p.name: current.get(criterion.key, {}).get(p.name, p.default)
                                              for p in criterion.parameters}))
            names = []
            for parameter in criterion.parameters:
                name = f"{criterion.key}__{parameter.name}"
                self.fields[name] = forms.IntegerField(
                    label=parameter.label, required=False, min_value=parameter.minimum,
                    initial=current.get(criterion.key, {}).get(parameter.name, parameter.default))
                names.append(name)
            self.groups.append((criterion, use, names))

    def clean(self):
        data = super().clean()
        for criterion, use, names in self.groups:
            if data.get(use):
                for name in names:
                    if data.get(name) is None and name not in self.errors:
                        self.add_error(name, "Give a number for this rule, or untick it.")
        return data

    def chosen(self) -> dict[str, dict]:
        """{criterion key: parameters} of the ticked criteria."""
        result = {}
        for criterion, use, _names in self.groups:
            if self.cleaned_data.get(use):
                result[criterion.key] = {p.name: self.cleaned_data[f"{criterion.key}__{p.name}"]
                                         for p in criterion.parameters}
        return result

    def bound_groups(self):
        return [(criterion, self[use], [self[name] for name in names]) for criterion, use, names in self.groups]


class ByHandForm(forms.Form):
    note = forms.CharField(
        label="Why the certificate is issued although the rules are not met", max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Kept with the certificate for the team; the participant and the public do not see it.")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Reason for revoking", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept for the team. The public page says only that the certificate was revoked, and when.")


class LookupForm(forms.Form):
    code = forms.CharField(label="Verification code", max_length=20,
                           help_text="The 10 characters printed on the certificate, for example K7M2Q-9XRTD.",
                           widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false",
                                                         "autocapitalize": "characters"}))

    def clean_code(self):
        code = codes.normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError("A code is 10 letters and digits, for example K7M2Q-9XRTD.")
        return code
