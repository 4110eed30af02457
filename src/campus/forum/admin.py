"""The content editor for events (Django admin): the event, its agenda (times entered in the event's zone)
and, read only, its registrations (the staff pages manage them)."""

import zoneinfo

from django import forms
from django.contrib import admin
from django.utils import timezone

from .models import AgendaSession, Event, Registration


class AgendaSessionForm(forms.ModelForm):
    """Start and end as wall-clock times of the event's own zone, stored in UTC."""

    local_start = forms.DateTimeField(label="Starts (local time)",
                                      help_text="In the event's time zone, e.g. 2022-06-20 09:00.")
    local_end = forms.DateTimeField(label="Ends (local time)", help_text="In the event's time zone.")

    class Meta:
        model = AgendaSession
        fields = ["title", "local_start", "local_end", "room", "speakers", "description", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = self.instance.event.zone
            self.initial["local_start"] = self.instance.starts_at.astimezone(zone).replace(tzinfo=None)
            self.initial["local_end"] = self.instance.ends_at.astimezone(zone).replace(tzinfo=None)

    def _zone(self):
        try:
            return zoneinfo.ZoneInfo(self.instance.event.timezone)
        except (Event.DoesNotExist, zoneinfo.ZoneInfoNotFoundError, ValueError):
            return timezone.get_current_timezone()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("local_start"), cleaned.get("local_end")
        if start and end:
            zone = self._zone()
            start, end = (timezone.make_naive(v) if timezone.is_aware(v) else v for v in (start, end))
            self.instance.starts_at = start.replace(tzinfo=zone)
            self.instance.ends_at = end.replace(tzinfo=zone)
            if self.instance.ends_at <= self.instance.starts_at:
                self.add_error("local_end", "The session must end after it starts.")
        return cleaned


class AgendaSessionInline(admin.StackedInline):
    model = AgendaSession
    form = AgendaSessionForm
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "starts_on", "city", "capacity", "published")
    list_filter = ("published", "programme")
    search_fields = ("title", "city", "venue")
    list_select_related = ("programme",)
    prepopulated_fields = {"slug": ("title",)}
    inlines = [AgendaSessionInline]
    fieldsets = (
        (None, {"fields": ("programme", "edition", "title", "slug", "region", "published")}),
        ("Place and time", {"fields": ("starts_on", "ends_on", "timezone", "city", "country", "venue", "address")}),
        ("About", {"fields": ("description",)}),
        ("Registration", {"fields": ("capacity", "registration_opens_at", "registration_closes_at",
                                     "offer_hours", "offer_mode")}),
    )


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Raw data repair only: registrations change through the forum's services (and the staff pages)."""

    list_display = ("name", "email", "event", "state", "queued_at")
    list_filter = ("event", "state")
    search_fields = ("name", "email", "organisation")
    list_select_related = ("event",)
    exclude = ("token", "checkin_code")
    readonly_fields = ("event", "user", "state", "queued_at", "confirmed_at", "offered_at", "offer_expires_at",
                       "cancelled_at", "email_confirmed_at", "checked_in_at", "checked_in_by", "anonymised_at")

    def has_add_permission(self, request):
        return False
