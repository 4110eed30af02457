"""The programme as data: everything the public site shows is a row here, editable by staff."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_countries.fields import CountryField

from campus.core.forms import validate_timezone
from campus.core.markdown import MARKDOWN_HELP
from campus.core.models import TimeStampedModel



class Ordered(models.Model):
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        abstract = True
        ordering = ["order", "id"]


class Programme(TimeStampedModel):
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=80, help_text="Used in the header and page titles.")
    slug = models.SlugField(unique=True)
    tagline = models.CharField(max_length=200, help_text="The big question on the home page.")
    headline = models.CharField(max_length=200)
    intro = models.TextField(help_text=MARKDOWN_HELP)
    contact_prompt = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    format_title = models.CharField(max_length=120, default="The Juicy Details")
    format_text = models.TextField(help_text=MARKDOWN_HELP)
    cta_title = models.CharField(max_length=200)
    cta_text = models.TextField(help_text=MARKDOWN_HELP)
    privacy_promise = models.CharField(max_length=200, blank=True)
    boss_title = models.CharField(max_length=200, default="Need to convince your boss?")
    boss_intro = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    team_title = models.CharField(max_length=200, default="Who's behind this programme?")
    team_intro = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    contact_email = models.EmailField(help_text="Where contact-form messages are sent.")
    funding_note = models.CharField(max_length=300, blank=True)
    next_call_expected = models.CharField(
        max_length=120, blank=True,
        help_text="When the next call for applications is expected, in words (e.g. “in spring 2027”). "
        "Shown on the public pages while no call is open, next to the sign-up for news.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Edition(TimeStampedModel):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="editions")
    name = models.CharField(max_length=80, help_text="For example 2020–2021.")
    slug = models.SlugField()
    is_current = models.BooleanField(
        default=False, help_text="The edition the public site shows. Only one edition of a programme can be current."
    )
    published_at = models.DateTimeField(
        null=True, blank=True, default=timezone.now,
        help_text="When the edition was published. An edition without it is a draft: only staff see it.",
    )
    capacity = models.PositiveSmallIntegerField(help_text="Places in the cohort (participants admitted).")
    admission_note = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    how_to_apply = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    application_deadline = models.DateField()
    acceptance_letter_on = models.DateField(help_text="When acceptance letters are sent.")
    price_eur = models.DecimalField(max_digits=9, decimal_places=2, default=0, help_text="0 means free.")
    estimated_value_eur = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    costs_note = models.CharField(max_length=300, blank=True, help_text="What participants pay for themselves.")
    hours_per_week_min = models.PositiveSmallIntegerField(validators=[MaxValueValidator(80)])
    hours_per_week_max = models.PositiveSmallIntegerField(validators=[MaxValueValidator(80)])
    meetup_note = models.CharField(max_length=300, blank=True, help_text="How the physical meetups are laid out.")
    delivery_note = models.CharField(max_length=300, blank=True, help_text="For example: modules might turn fully remote.")
    background = models.TextField(blank=True, help_text=MARKDOWN_HELP)

    class Meta:
        ordering = ["-application_deadline"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "slug"], name="edition_unique_slug"),
            models.UniqueConstraint(
                fields=["programme"], condition=models.Q(is_current=True), name="edition_one_current"
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week_min__lte=models.F("hours_per_week_max")),
                name="edition_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme.short_name} {self.name}"

    @property
    def is_free(self) -> bool:
        return not self.price_eur

    def clean(self):
        """The deadline before the decisions, the decisions before the first module (programme/dates.py)."""
        from .dates import date_problems

        if self.application_deadline and self.acceptance_letter_on:
            problems = date_problems(self)
            if problems:
                raise ValidationError(problems)


class Requirement(Ordered):
    """One admission requirement (fluent English, two years as a cluster manager, ...)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="requirements")
    code = models.SlugField(help_text="A stable name used by eligibility screening, e.g. english.")
    text = models.CharField(max_length=300)

    class Meta(Ordered.Meta):
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="requirement_unique_code")]

    def __str__(self) -> str:
        return self.text


class Outcome(Ordered):
    """What participants will do ("Build a cluster strategy", ...)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="outcomes")
    text = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.text


class Partner(Ordered):
    class Kind(models.TextChoices):
        EDUCATION = "education", "Education provider"
        CLUSTER = "cluster", "Cluster organisation"
        OTHER = "other", "Other partner"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.EDUCATION)
    city = models.CharField(max_length=100, blank=True)
    country = CountryField(blank=True)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True, help_text=MARKDOWN_HELP)

    class Meta(Ordered.Meta):
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="partner_unique_name")]

    def __str__(self) -> str:
        return self.name


class Module(TimeStampedModel):
    class Delivery(models.TextChoices):
        ON_SITE = "on_site", "On site"
        BLENDED = "blended", "Blended (meetups on site, learning online)"
        REMOTE = "remote", "Fully remote"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="modules")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    title = models.CharField(max_length=200)
    provider = models.ForeignKey(Partner, null=True, blank=True, on_delete=models.SET_NULL, related_name="modules")
    city = models.CharField(max_length=100)
    country = CountryField()
    timezone = models.CharField(max_length=64, validators=[validate_timezone], default="Europe/Berlin",
        help_text="An IANA time zone name, e.g. Europe/Stockholm.")
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    summary = models.TextField(help_text=MARKDOWN_HELP)
    curriculum = models.TextField(blank=True, help_text="The detailed curriculum. " + MARKDOWN_HELP)
    delivery_mode = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.BLENDED)
    break_after = models.CharField(
        max_length=120, blank=True, help_text="Shown on the schedule after this module, e.g. '3 weeks break'."
    )

    class Meta:
        ordering = ["edition", "number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="module_unique_number"),
            models.CheckConstraint(condition=models.Q(starts_on__lte=models.F("ends_on")), name="module_dates_order"),
        ]

    def __str__(self) -> str:
        return f"Module {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("programme:module", kwargs={"number": self.number})

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


class LearningOutcome(Ordered):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="learning_outcomes")
    text = models.CharField(max_length=300)

    def __str__(self) -> str:
        return self.text


class Meetup(TimeStampedModel):
    class Kind(models.TextChoices):
        OPENING = "opening", "Opening meetup"
        CLOSING = "closing", "Closing meetup"
        ONLINE = "online", "Online session"
        OTHER = "other", "Meetup"

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="meetups")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField(help_text="Stored in UTC; entered and shown in the meetup's time zone.")
    ends_at = models.DateTimeField()
    timezone = models.CharField(max_length=64, validators=[validate_timezone], default="Europe/Berlin",
        help_text="An IANA time zone name, e.g. Europe/Stockholm.")
    class Mode(models.TextChoices):
        ON_SITE = "on_site", "On site"
        BLENDED = "blended", "Blended (on site, and online for who cannot travel)"
        REMOTE = "remote", "Remote (online only)"

    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.ON_SITE,
                            help_text="How the meetup is held. Switch it from the staff cohort pages: "
                                      "participants are told by mail.")
    mode_note = models.CharField(max_length=500, blank=True,
                                 help_text="What the mode means for participants, e.g. the online link is "
                                           "sent the day before; why the meetup turned remote.")
    venue = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    country = CountryField(blank=True)
    description = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    travel_note = models.TextField(blank=True, help_text="For participants: how to get there, where to stay. "
                                                         + MARKDOWN_HELP)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(starts_at__lt=models.F("ends_at")), name="meetup_times_order")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def is_online(self) -> bool:
        """Held online only (the mode "remote"); blended meetups have a place too."""
        return self.mode == self.Mode.REMOTE

    @is_online.setter
    def is_online(self, value: bool) -> None:
        # Older code and data set a flag: online means remote, not online keeps a blended meetup blended.
        if value:
            self.mode = self.Mode.REMOTE
        elif self.mode == self.Mode.REMOTE:
            self.mode = self.Mode.ON_SITE

    @property
    def mode_label(self) -> str:
        return {"on_site": "On site", "blended": "Blended", "remote": "Remote"}.get(self.mode, self.mode)

    @property
    def place(self) -> str:
        if self.is_online:
            return "Online"
        return ", ".join(part for part in (self.venue, self.city, self.country.name if self.country else "") if part)


class Benefit(Ordered):
    """One argument for the employer ("Need to convince your boss?")."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="benefits")
    title = models.CharField(max_length=200)
    body = models.TextField(help_text=MARKDOWN_HELP)

    def __str__(self) -> str:
        return self.title


class FAQ(Ordered):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="faqs")
    category = models.CharField(max_length=100, blank=True, help_text="FAQs are grouped by category.")
    question = models.CharField(max_length=300)
    answer = models.TextField(help_text=MARKDOWN_HELP)
    is_published = models.BooleanField(default=True)

    class Meta(Ordered.Meta):
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ"

    def __str__(self) -> str:
        return self.question


class Page(Ordered):
    """A free text page: privacy notice, background, booklet introduction, ..."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pages")
    slug = models.SlugField()
    title = models.CharField(max_length=200)
    lead = models.CharField(max_length=300, blank=True)
    body = models.TextField(help_text=MARKDOWN_HELP)
    show_in_footer = models.BooleanField(default=True)
    version = models.CharField(max_length=40, blank=True, help_text="For the privacy notice: its version label.")
    updated_on = models.DateField(null=True, blank=True)

    class Meta(Ordered.Meta):
        constraints = [models.UniqueConstraint(fields=["programme", "slug"], name="page_unique_slug")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The page's address, unless an app above replaced the page by its own (a link "page:<slug>" in
        core.plugins.links, e.g. the booklet's public pages for "participant-booklet")."""
        from campus.core.plugins import links

        return links.url(f"page:{self.slug}") or reverse("programme:page", kwargs={"slug": self.slug})


class ContactMessage(models.Model):
    class Topic(models.TextChoices):
        KNOW_MORE = "know_more", "I'd like to know more about the education"
        SIGN_UP = "sign_up", "I'm interested in signing up for a training"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        NEW = "new", "New"
        ANSWERED = "answered", "Answered"
        SPAM = "spam", "Spam"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="contact_messages")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    name = models.CharField(max_length=120)
    email = models.EmailField()
    organisation = models.CharField(max_length=200, blank=True)
    topic = models.CharField(max_length=20, choices=Topic.choices)
    message = models.TextField(max_length=5000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    notified_at = models.DateTimeField(null=True, blank=True, help_text="When the team was mailed about it.")
    staff_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>: {self.get_topic_display()}"
