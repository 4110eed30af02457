"""Forms of the staff back office: the list's filters and the three managing actions.

Moments are typed in the call's own time zone (a ``datetime-local`` input) and come out aware,
so the services store them in UTC."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from campus.core.forms import TAG, plain_text  # noqa: F401 (shared with the privacy app's forms)

from .models import Application

MAX_TEXT = 2000
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeField(forms.DateTimeField):
    """A date and time typed in ``zone`` (not the server's), returned as an aware datetime."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT)
    input_formats = [LOCAL_FORMAT, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
    default_error_messages = {
        "invalid": "Enter a date and time, e.g. 2026-12-31 17:00.",
    }

    def __init__(self, *, zone, **kwargs):
        self.zone = zone
        super().__init__(**kwargs)

    def to_python(self, value):
        with timezone.override(self.zone):
            return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            return value.astimezone(self.zone).strftime(LOCAL_FORMAT)
        return value


class FilterForm(forms.Form):
    """The list's filters (GET). A value that is not one of the choices is ignored, with a message."""

    q = forms.CharField(label="Search", required=False, max_length=200,
                        help_text="Name, email, organisation or reference.")
    state = forms.ChoiceField(label="State", required=False,
                              choices=[("", "All states"), *Application.State.choices])
    eligibility = forms.ChoiceField(label="Eligibility", required=False,
                                    choices=[("", "Any eligibility"), *Application.Eligibility.choices])
    country = forms.ChoiceField(label="Country", required=False)

    def __init__(self, *args, countries=(), blind=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "All countries"), *countries]
        self.fields["q"].widget.attrs["type"] = "search"
        if blind:  # blind review: the reviewer searches by reference only
            self.fields["q"].help_text = "The reference (names are hidden in blind review)."

    def filters(self) -> dict:
        """The valid filters (an invalid one is left out, never guessed)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "state": data.get("state", ""),
            "eligibility": data.get("eligibility", ""),
            "country": data.get("country", ""),
            "search": (data.get("q") or "").strip(),
        }


CLEAR = "clear"


class OverrideForm(forms.Form):
    prefix = "override"

    status = forms.ChoiceField(
        label="Eligibility decided by the team",
        choices=[*Application.Eligibility.choices, (CLEAR, "No override: use the screening")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the eligibility, or “No override”."},
    )
    reason = forms.CharField(
        label="Reason", required=False, max_length=MAX_TEXT, validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required for an override; kept in the activity log.",
    )

    def clean_status(self):
        status = self.cleaned_data["status"]
        return "" if status == CLEAR else status

    def clean(self):
        data = super().clean()
        if data.get("status") and not (data.get("reason") or "").strip() and "reason" not in self.errors:
            self.add_error("reason", "Record why you override the screening.")
        return data


def _future(value: datetime) -> None:
    if value is not None and value <= timezone.now():
        raise ValidationError("Choose a moment in the future.")


class ExtendDeadlineForm(forms.Form):
    prefix = "extend"

    until = forms.DateTimeField()  # replaced in __init__ by a field in the call's time zone

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.fields["until"] = LocalDateTimeField(
            zone=application.call.zone, label="New deadline for this applicant",
            help_text=f"Date and time in the call's time zone, {application.call.timezone}.",
        )

    def clean_until(self):
        until = self.cleaned_data["until"]
        _future(until)
        closes_at = self.application.call.closes_at
        if until <= closes_at:
            local = timezone.localtime(closes_at, self.application.call.zone)
            raise ValidationError(
                f"The call itself closes later, on {local.day} {local:%B %Y, %H:%M}: choose a moment after that."
            )
        return until


class MoreInformationForm(forms.Form):
    prefix = "info"

    message = forms.CharField(
        label="What is missing or needs correcting", max_length=MAX_TEXT, validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The applicant reads this on their status page and in a mail.",
        error_messages={"required": "Tell the applicant what is missing."},
    )
    until = forms.DateTimeField()

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.fields["until"] = LocalDateTimeField(
            zone=application.call.zone, label="Answer by",
            help_text=f"Date and time in the call's time zone, {application.call.timezone}.",
            error_messages={"required": "Give the applicant a date to answer by."},
        )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise ValidationError("Tell the applicant what is missing.")
        return message

    def clean_until(self):
        until = self.cleaned_data["until"]
        _future(until)
        return until
