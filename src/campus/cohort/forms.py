"""Forms of the cohort pages: the directory's consent, the staff's onboarding text, meetup mode and module leads."""

from django import forms
from django.contrib.auth import get_user_model

from campus.core.ids import IdChoiceField
from campus.core.markdown import MARKDOWN_HELP
from campus.programme.models import Meetup


class ContactConsentForm(forms.Form):
    show_contact = forms.BooleanField(
        label="Show my e-mail address and phone number to fellow participants", required=False,
        help_text="Only participants of your edition see the directory. You may change this at any time.")


class OnboardingForm(forms.Form):
    text = forms.CharField(label="Before module 1", widget=forms.Textarea(attrs={"rows": 12}), required=False,
                           max_length=20000,
                           help_text="Shown on the home of every participant until the first module starts. "
                                     + MARKDOWN_HELP)


class MeetupModeForm(forms.Form):
    mode = forms.ChoiceField(label="How the meetup is held", choices=Meetup.Mode.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="Note to participants", max_length=500, required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="Shown with the meetup on every page and in the mail, e.g. why it turned "
                                     "remote or how to join online.")


class ModuleLeadForm(forms.Form):
    module = IdChoiceField(label="Module", queryset=None, empty_label=None)
    email = forms.EmailField(label="E-mail address of the lead",
                             help_text="The person needs an account on this site (they may make one first).")

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = modules
        self.fields["module"].label_from_instance = lambda module: f"Module {module.number}: {module.title}"

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError("No active account has this address. Ask the person to make one first.")
        self.cleaned_data["user"] = user
        return email
