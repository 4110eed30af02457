"""Forms of the attendance pages: times are typed as wall-clock times of the session's own zone (the meetup's,
or the webinar's) and stored in UTC."""

import zoneinfo

from django import forms

from campus.core.forms import ZonedPeriodForm, validate_timezone

from .models import Attendance

ZONE_HELP = "A time zone name such as Europe/Helsinki; participants see the times in this zone."


class _Period(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    local_start = forms.DateTimeField(label="Starts (local time)", help_text="For example 2026-12-03 09:00.")
    local_end = forms.DateTimeField(label="Ends (local time)", help_text="For example 2026-12-03 12:30.")
    late_after_minutes = forms.IntegerField(
        label="Late after (minutes)", min_value=0, max_value=240, initial=10,
        help_text="A QR check-in this many minutes after the start counts as late.")

    def zone_name(self, cleaned) -> str:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        zone = self.zone_name(cleaned)
        start, end = cleaned.get("local_start"), cleaned.get("local_end")
        if zone and start and end:
            cleaned["starts_at"] = ZonedPeriodForm._aware(start, zone)
            cleaned["ends_at"] = ZonedPeriodForm._aware(end, zone)
            if cleaned["ends_at"] <= cleaned["starts_at"]:
                self.add_error("local_end", "The session must end after it starts.")
        return cleaned

    @staticmethod
    def local_initial(session) -> dict:
        zone = zoneinfo.ZoneInfo(session.zone_name)
        return {"title": session.title, "late_after_minutes": session.late_after_minutes,
                "local_start": session.starts_at.astimezone(zone).replace(tzinfo=None),
                "local_end": session.ends_at.astimezone(zone).replace(tzinfo=None),
                "timezone": session.timezone, "online_link": session.online_link,
                "recording_link": session.recording_link, "module": session.module_id or ""}


class SessionForm(_Period):
    """A part of a meetup: its times are in the meetup's zone."""

    def __init__(self, *args, zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone
        for name in ("local_start", "local_end"):
            self.fields[name].help_text = f"In the meetup's zone ({zone}), e.g. 2026-12-03 09:00."

    def zone_name(self, cleaned) -> str:
        return self.zone


class WebinarForm(_Period):
    """A webinar: of a module (its lead runs it) or of the whole edition (managers)."""

    module = forms.TypedChoiceField(label="Module", coerce=int, empty_value=None, required=False,
                                    help_text="Leave empty for a webinar of the whole edition.")
    timezone = forms.CharField(label="Time zone", max_length=64, help_text=ZONE_HELP)
    online_link = forms.URLField(label="Online link", required=False, assume_scheme="https",
                                 help_text="Shown to the edition's participants only.")
    recording_link = forms.URLField(label="Recording link", required=False, assume_scheme="https",
                                    help_text="Shown to participants once the webinar is over.")
    field_order = ["title", "module", "local_start", "local_end", "timezone", "online_link", "recording_link",
                   "late_after_minutes"]

    def __init__(self, *args, modules, edition_wide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(m.pk, str(m)) for m in modules]
        if edition_wide:
            choices.insert(0, ("", "The whole edition"))
        else:
            self.fields["module"].required = True
            self.fields["module"].help_text = "One of the modules you lead."
        self.fields["module"].choices = choices
        self.modules = {m.pk: m for m in modules}

    def clean_timezone(self):
        zone = self.cleaned_data["timezone"].strip()
        validate_timezone(zone)
        return zone

    def clean_module(self):
        value = self.cleaned_data.get("module")
        return self.modules.get(value) if value else None

    def zone_name(self, cleaned) -> str:
        return cleaned.get("timezone") or ""


STATUS_CHOICES = [("", "Not recorded"), *Attendance.Status.choices]


class RollCallForm(forms.Form):
    """One form for the whole roll call: per participant a status (radio buttons) and a remark, and the status
    the page showed (``shown_<id>``), so that only what staff changed is saved."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            pk = row.participant.pk
            name = row.participant.user.get_full_name() or row.participant.user.email
            self.fields[f"status_{pk}"] = forms.ChoiceField(
                label=f"Attendance of {name}", choices=STATUS_CHOICES, required=False, widget=forms.RadioSelect,
                initial=row.status)
            self.fields[f"remark_{pk}"] = forms.CharField(label=f"Remark on {name}", max_length=300, required=False,
                                                          initial=row.attendance.remark if row.attendance else "")
            self.fields[f"shown_{pk}"] = forms.CharField(required=False, widget=forms.HiddenInput,
                                                         initial=f"{row.status}|{row.attendance.remark if row.attendance else ''}")

    def clean(self):
        cleaned = super().clean()
        for row in self.rows:
            pk = row.participant.pk
            if (cleaned.get(f"remark_{pk}") or "").strip() and not cleaned.get(f"status_{pk}"):
                name = row.participant.user.get_full_name() or row.participant.user.email
                self.add_error(f"remark_{pk}", f"Choose a status for {name} to keep this remark.")
        return cleaned

    def marks(self) -> dict:
        """{participant id: (status, remark)} for the rows whose status or remark differ from what was shown."""
        result = {}
        for row in self.rows:
            pk = row.participant.pk
            status = self.cleaned_data.get(f"status_{pk}", "")
            remark = self.cleaned_data.get(f"remark_{pk}", "").strip()
            if f"{status}|{remark}" != (self.cleaned_data.get(f"shown_{pk}") or "|"):
                result[pk] = (status, remark)
        return result

    def line(self, row) -> dict:
        """What the template needs to draw one participant's fieldset (drawn by hand, not by the widgets: a roll
        call of 250 people would spend most of its time rendering 1,250 radio-button templates)."""
        pk = row.participant.pk
        names = (f"status_{pk}", f"remark_{pk}", f"shown_{pk}")
        if self.is_bound:
            status, remark, shown = (self.data.get(name, "") for name in names)
        else:
            status, remark, shown = (self.fields[name].initial for name in names)
        errors = self.errors if self.is_bound else {}
        return {"pk": pk, "status": status, "remark": remark, "shown": shown,
                "status_errors": errors.get(names[0], []), "remark_errors": errors.get(names[1], [])}
