from django import forms

from .models import ContactMessage


class ContactForm(forms.ModelForm):
    # A field people never see: bots fill it in, and then the message is quietly dropped.
    website = forms.CharField(required=False, label="Leave this field empty", max_length=200)

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "organisation", "topic", "message"]
        labels = {
            "name": "Your name",
            "email": "Your email address",
            "organisation": "Organisation or cluster (optional)",
            "topic": "What is it about?",
            "message": "Your message",
        }
        help_texts = {"email": "We answer to this address.", "message": "At most 5,000 characters."}
        widgets = {
            "topic": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "name": {"required": "Please tell us your name."},
            "email": {"required": "Please give an email address we can answer to.",
                      "invalid": "This does not look like an email address, e.g. name@example.org."},
            "topic": {"required": "Please choose what your message is about."},
            "message": {"required": "Please write a message.",
                        "max_length": "Please keep your message under 5,000 characters (it has %(show_value)d)."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = ContactMessage.Topic.choices
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["organisation"].widget.attrs.update(autocomplete="organization")
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")
        self.fields["message"].widget.attrs["maxlength"] = 5000

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Please tell us your name.")
        return name

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError("Please write a little more (at least 10 characters), so we can help.")
        return message

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
