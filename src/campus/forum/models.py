"""Events (the Cluster Education Forum and the next ones), their agenda and the registrations.

An event is content: staff edit it in the content editor. A registration's ``state`` is written only by
``states.transition`` (the machine); services decide when, under a lock on the event row.
"""

import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django_countries.fields import CountryField

from campus.core.forms import validate_timezone
from campus.core.markdown import MARKDOWN_HELP
from campus.core.models import TimeStampedModel
from campus.programme.models import Edition, Programme


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Event(TimeStampedModel):
    class OfferMode(models.TextChoices):
        AUTOMATIC = "automatic", "Automatic: the next on the waitlist gets an offer at once"
        STAFF = "staff", "Staff confirms: staff send each offer"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="events")
    edition = models.ForeignKey(Edition, null=True, blank=True, on_delete=models.SET_NULL, related_name="events",
                                help_text="Optional: an event may follow an edition (the forum 2022 followed "
                                          "the 2020–2021 pilot) or stand alone.")
    slug = models.SlugField(unique=True, help_text="The address: /forum/<slug>/.")
    title = models.CharField(max_length=200)
    region = models.CharField(max_length=120, blank=True, help_text="For example: Baltic Sea Region.")
    starts_on = models.DateField()
    ends_on = models.DateField()
    timezone = models.CharField(max_length=64, validators=[validate_timezone], default="Europe/Helsinki",
                                help_text="An IANA time zone name; the agenda is entered and shown in it.")
    city = models.CharField(max_length=100, blank=True)
    country = CountryField(blank=True)
    venue = models.CharField(max_length=200, blank=True)
    address = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    capacity = models.PositiveIntegerField(help_text="Seats. Past them, registrations go on the waitlist.")
    registration_opens_at = models.DateTimeField(null=True, blank=True,
                                                 help_text="Empty: open as soon as the event is published.")
    registration_closes_at = models.DateTimeField(null=True, blank=True,
                                                  help_text="Empty: open until the event starts.")
    offer_hours = models.PositiveSmallIntegerField(default=48,
                                                   help_text="How long a seat offered from the waitlist is held.")
    offer_mode = models.CharField(max_length=20, choices=OfferMode.choices, default=OfferMode.AUTOMATIC)
    published = models.BooleanField(default=False, help_text="Shown on the public pages.")

    class Meta:
        ordering = ["-starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(starts_on__lte=models.F("ends_on")), name="event_dates_order"),
            models.CheckConstraint(condition=models.Q(offer_hours__gte=1), name="event_offer_hours_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:event", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class AgendaSession(models.Model):
    """One item of an event's agenda; times stored in UTC, entered and shown in the event's zone."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    title = models.CharField(max_length=200)
    room = models.CharField(max_length=120, blank=True)
    speakers = models.CharField(max_length=500, blank=True, help_text="Names as they should be printed.")
    description = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    order = models.PositiveSmallIntegerField(default=0, help_text="Breaks ties between sessions at the same time.")

    class Meta:
        ordering = ["starts_at", "order", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(starts_at__lt=models.F("ends_at")),
                                   name="agenda_session_times_order"),
        ]

    def __str__(self) -> str:
        return self.title


class Registration(TimeStampedModel):
    class State(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "Waiting for the e-mail address to be confirmed"
        CONFIRMED = "confirmed", "Registered"
        WAITLISTED = "waitlisted", "On the waitlist"
        OFFERED = "offered", "A seat is offered"
        LAPSED = "lapsed", "The offer lapsed"
        CANCELLED = "cancelled", "Cancelled"

    ACTIVE = (State.UNCONFIRMED, State.CONFIRMED, State.WAITLISTED, State.OFFERED)
    HOLDS_SEAT = (State.CONFIRMED, State.OFFERED)

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="forum_registrations", help_text="Empty for a guest.")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    country = CountryField(blank=True)
    role = models.CharField(max_length=200, blank=True, help_text="Job title or role.")
    dietary_needs = models.CharField(max_length=500, blank=True)
    accessibility_needs = models.CharField(max_length=500, blank=True)
    on_attendee_list = models.BooleanField(default=False, help_text="Consent to appear on the attendee list.")
    state = models.CharField(max_length=20, choices=State.choices, default=State.UNCONFIRMED)
    # Arrival in the queue (seat or waitlist): set under the event's lock when the address is confirmed;
    # the waitlist is ordered by (queued_at, id).
    queued_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Secret of the person's own links (confirm address, cancel, accept an offer); never shown to staff.
    token = models.CharField(max_length=64, unique=True, default=new_token)
    # What the personal QR code holds, for check-in; knowing it allows nothing but being checked in.
    checkin_code = models.CharField(max_length=64, unique=True, default=new_token)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["event", "queued_at", "id"]
        indexes = [models.Index(fields=["event", "state", "queued_at"], name="forum_reg_queue")]
        constraints = [
            models.UniqueConstraint(Lower("email"), "event", condition=models.Q(
                state__in=["unconfirmed", "confirmed", "waitlisted", "offered"]), name="forum_registration_active_once"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.event})"

    @property
    def is_active(self) -> bool:
        return self.state in self.ACTIVE

    @property
    def is_guest(self) -> bool:
        return self.user_id is None
