"""Forms of the outbox pages: messages appear next to the field, and what was typed is kept."""

from django import forms

from campus.core.plugins import mail

from . import rendering
from .models import OutboxMessage


def event_choices() -> list[tuple[str, str]]:
    """The registered mail events, as (key, label), in the order registered."""
    return [(event.key, event.label) for event in mail.events()]


class FilterForm(forms.Form):
    state = forms.ChoiceField(required=False, choices=[("", "Any state"), *OutboxMessage.State.choices])
    event = forms.ChoiceField(required=False, label="Mail")
    edition = forms.ChoiceField(required=False, label="Edition")

    def __init__(self, *args, editions=(), show_none=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [("", "Any mail"), *event_choices()]
        choices = [("", "Any edition")] + [(str(e.pk), f"{e.programme.short_name} {e.name}") for e in editions]
        if show_none:
            choices.append(("none", "No edition"))
        self.fields["edition"].choices = choices


class MessageForm(forms.Form):
    subject = forms.CharField(max_length=300, error_messages={"required": "A message needs a subject."})
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 18}), label="Text", strip=False,
                           error_messages={"required": "A message needs a text."},
                           help_text="Plain text, sent exactly as written here.")

    def clean_subject(self):
        subject = rendering.one_line(self.cleaned_data["subject"])
        if not subject:
            raise forms.ValidationError("A message needs a subject.")
        return subject

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n")
        if not body.strip():
            raise forms.ValidationError("A message needs a text.")
        return body


class TemplateForm(forms.Form):
    subject = forms.CharField(max_length=300, error_messages={"required": "A mail needs a subject."})
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 22}), label="Text", strip=False,
                           error_messages={"required": "A mail needs a text."},
                           help_text="Plain text. Placeholders in braces, like {name}; a literal brace as {{ or }}.")

    def __init__(self, *args, event: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def _checked(self, value: str) -> str:
        try:
            rendering.check(value, self.event)
        except rendering.TemplateError as error:
            raise forms.ValidationError(str(error)) from None
        return value

    def clean_subject(self):
        subject = rendering.one_line(self.cleaned_data["subject"])
        if not subject:
            raise forms.ValidationError("A mail needs a subject.")
        return self._checked(subject)

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n")
        if not body.strip():
            raise forms.ValidationError("A mail needs a text.")
        return self._checked(body)
