"""Forms of the forum's staff pages: the registration list's filters (also the message audience) and the
message to registrants."""

from django import forms
from django_countries import countries

from .models import Registration

STATE_CHOICES = [("", "Every state"), ("active", "Active (registered, waiting, offered, unconfirmed)"),
                 *Registration.State.choices]
CHECKED_CHOICES = [("", "Either"), ("yes", "Checked in"), ("no", "Not checked in")]
NEEDS_CHOICES = [("", "Either"), ("any", "Dietary or accessibility needs"), ("dietary", "Dietary needs"),
                 ("accessibility", "Accessibility needs")]


class RegistrationFilterForm(forms.Form):
    q = forms.CharField(label="Name or organisation", required=False, max_length=100)
    state = forms.ChoiceField(label="State", choices=STATE_CHOICES, required=False)
    country = forms.ChoiceField(label="Country", required=False)
    checked_in = forms.ChoiceField(label="Check-in", choices=CHECKED_CHOICES, required=False)
    needs = forms.ChoiceField(label="Needs", choices=NEEDS_CHOICES, required=False)

    def __init__(self, data=None, *, countries_present=()):
        super().__init__(data)
        self.fields["country"].choices = [("", "Every country")] + [
            (code, countries.name(code)) for code in countries_present]

    def filters(self) -> dict:
        """The valid filters (an invalid value is dropped, never an error page)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: cleaned[key].strip() if key == "q" else cleaned[key]
                for key in self.fields if cleaned.get(key)}


class MessageForm(forms.Form):
    subject = forms.CharField(label="Subject", max_length=200)
    body = forms.CharField(label="Message", widget=forms.Textarea(attrs={"rows": 10}), max_length=10000,
                           help_text="Plain text. Each registrant's mail starts with “Dear <name>,” and ends with "
                                     "the link to their registration.")
