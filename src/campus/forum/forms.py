from django import forms

from .models import Registration


class RegistrationForm(forms.ModelForm):
    """The registration: a guest gives an address (confirmed by mail); a signed-in person's is the account's."""

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "country", "role", "dietary_needs", "accessibility_needs",
                  "on_attendee_list"]
        labels = {
            "name": "Your name",
            "email": "Your email address",
            "organisation": "Organisation or cluster (optional)",
            "country": "Country (optional)",
            "role": "Your role (optional)",
            "dietary_needs": "Dietary needs (optional)",
            "accessibility_needs": "Accessibility needs (optional)",
            "on_attendee_list": "Show my name, organisation and country on the attendee list",
        }
        help_texts = {
            "email": "We send a link to this address to confirm it; your registration is complete once you do.",
            "role": "For example: cluster manager.",
            "dietary_needs": "For example: vegetarian, no nuts. Deleted a month after the event.",
            "accessibility_needs": "Anything we should arrange so that you can take part fully. Deleted a month "
                                   "after the event.",
            "on_attendee_list": "The list is shared with the other registrants. You can leave it unticked.",
        }
        error_messages = {
            "name": {"required": "Please tell us your name."},
            "email": {"required": "Please give your email address.",
                      "invalid": "This does not look like an email address, e.g. name@example.org."},
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["country"].required = False
        if user is not None:
            # The account's address: shown, not editable, not posted.
            self.fields["email"].disabled = True
            self.fields["email"].required = False
            self.fields["email"].help_text = "Your account's address."
            self.initial.setdefault("email", user.email)
            self.initial.setdefault("name", user.full_name)
