"""Form helpers shared by the apps."""

import re
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone


TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def plain_text(value: str) -> None:
    """Staff notes reach the person (status page, mail): plain words, no markup."""
    if TAG.search(value or ""):
        raise ValidationError("Write plain text: HTML tags such as <script> are not allowed.")


def validate_timezone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"“{value}” is not a time zone name. Use one like Europe/Helsinki.") from None


class ZonedPeriodForm(forms.ModelForm):
    """A model form whose start and end are entered and shown as wall-clock times of the object's own
    time zone (its ``timezone`` field) and stored in UTC.

    Subclasses set ``period = ("starts_at", "ends_at")`` (the model's fields) and ``what`` (for the message),
    and list ``local_start`` and ``local_end`` in ``Meta.fields``.
    """

    period = ("starts_at", "ends_at")
    what = "It"
    local_start = forms.DateTimeField(label="Starts (local time)", help_text="In its own time zone, e.g. 2020-09-01 09:00.")
    local_end = forms.DateTimeField(label="Ends (local time)", help_text="In its own time zone.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = zoneinfo.ZoneInfo(self.instance.timezone)
            start, end = (getattr(self.instance, name) for name in self.period)
            self.initial["local_start"] = start.astimezone(zone).replace(tzinfo=None)
            self.initial["local_end"] = end.astimezone(zone).replace(tzinfo=None)

    def clean_timezone(self):
        zone = self.cleaned_data["timezone"]
        validate_timezone(zone)
        return zone

    @staticmethod
    def _aware(value, zone):
        naive = timezone.make_naive(value, timezone.get_current_timezone()) if timezone.is_aware(value) else value
        return naive.replace(tzinfo=zoneinfo.ZoneInfo(zone))

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("timezone")
        start, end = cleaned.get("local_start"), cleaned.get("local_end")
        if zone and start and end:
            start, end = self._aware(start, zone), self._aware(end, zone)
            setattr(self.instance, self.period[0], start)
            setattr(self.instance, self.period[1], end)
            if end <= start:
                self.add_error("local_end", f"{self.what} must end after it starts.")
        return cleaned
