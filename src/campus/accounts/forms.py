"""The person's names: at sign-up (allauth's ``ACCOUNT_SIGNUP_FORM_CLASS``, the base of its sign-up form) and
on the account's name page."""

from django import forms

from campus.core.forms import plain_text

from . import services

GIVEN_HELP = "As you want us to write it in mails and letters."
FAMILY_HELP = "Leave it empty if you have only one name."


class NameFields(forms.Form):
    given_name = forms.CharField(
        label="Given name", max_length=100, help_text=GIVEN_HELP, validators=[plain_text],
        error_messages={"required": "Please type your given name: we use it to address you."},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    family_name = forms.CharField(
        label="Family name", max_length=100, required=False, help_text=FAMILY_HELP, validators=[plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )

    def clean_given_name(self):
        value = " ".join(self.cleaned_data["given_name"].split())
        if not value:
            raise forms.ValidationError("Please type your given name: we use it to address you.")
        return value

    def clean_family_name(self):
        return " ".join(self.cleaned_data["family_name"].split())


class SignupNames(NameFields):
    """allauth's sign-up form derives from this one; ``signup`` is its hook (called before the user is saved)."""

    def signup(self, request, user):
        services.set_names(user=user, given_name=self.cleaned_data["given_name"],
                           family_name=self.cleaned_data["family_name"])


class NamesForm(NameFields):
    pass
