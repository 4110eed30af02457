"""The participant booklet: one profile per participant, its consent history and the edition's booklet settings.

The profile is what a participant (or staff for them) writes about themselves and their cluster. Who may see it
is decided by consent: a versioned, append-only list of :class:`BookletConsent` rows, the latest of which is
the current level (no row: nobody). Staff lock profiles before printing; ``updated_at`` changes on every save
of the profile, so anything cached from it (the booklet PDF) can key on it.
"""

from django.conf import settings
from django.db import models
from django_countries.fields import CountryField

from campus.cohort.models import Participant
from campus.core.files import PrivateStorage
from campus.core.markdown import MARKDOWN_HELP
from campus.core.models import TimeStampedModel
from campus.programme.models import Edition

DESCRIPTION_MAX = 600
TEXT_MAX = 1200


def _photo_path(instance, filename):
    return PrivateStorage.random_name(filename)


class Sector(models.TextChoices):
    """A short list (filters and the index need fixed values); 'Other' covers the rest."""

    AGRIFOOD = "agrifood", "Agriculture and food"
    BIOECONOMY = "bioeconomy", "Bioeconomy and forestry"
    CLEANTECH = "cleantech", "Clean tech and environment"
    CREATIVE = "creative", "Creative industries and tourism"
    DIGITAL = "digital", "Digital and ICT"
    ENERGY = "energy", "Energy"
    HEALTH = "health", "Health and life sciences"
    MANUFACTURING = "manufacturing", "Manufacturing and materials"
    MARITIME = "maritime", "Maritime and blue economy"
    MOBILITY = "mobility", "Mobility and logistics"
    CONSTRUCTION = "construction", "Construction and smart cities"
    OTHER = "other", "Other"


class ConsentLevel(models.TextChoices):
    NOBODY = "nobody", "Nobody (only the programme team)"
    PARTICIPANTS = "participants", "Fellow participants of my edition"
    PUBLIC = "public", "The public"


class BookletProfile(TimeStampedModel):
    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="booklet_profile")
    # The photo as we re-encoded it (never as uploaded): resized, turned upright, stripped of metadata.
    photo = models.FileField(storage=PrivateStorage(), upload_to=_photo_path, max_length=300, blank=True)
    photo_content_type = models.CharField(max_length=100, blank=True)
    photo_width = models.PositiveIntegerField(default=0)
    photo_height = models.PositiveIntegerField(default=0)
    photo_sha256 = models.CharField(max_length=64, blank=True)
    display_name = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=150, blank=True, help_text="For example: Cluster manager.")
    organisation = models.CharField(max_length=200, blank=True)
    cluster_name = models.CharField(max_length=200, blank=True)
    cluster_website = models.URLField(max_length=300, blank=True)
    country = CountryField(blank=True)
    sector = models.CharField(max_length=20, choices=Sector.choices, blank=True)
    sector_detail = models.CharField(max_length=100, blank=True, help_text="Optional: your sector in your words.")
    cluster_description = models.TextField(max_length=DESCRIPTION_MAX, blank=True)
    why_applied = models.TextField(max_length=TEXT_MAX, blank=True)
    expectations = models.TextField(max_length=TEXT_MAX, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    linkedin = models.URLField(max_length=300, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["display_name", "id"]

    def __str__(self) -> str:
        return f"Booklet profile of {self.participant}"

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class BookletConsent(models.Model):
    """One recorded choice; never edited. The latest row (by given_at, id) is the current level."""

    profile = models.ForeignKey(BookletProfile, on_delete=models.CASCADE, related_name="consents")
    level = models.CharField(max_length=20, choices=ConsentLevel.choices)
    wording_version = models.CharField(max_length=20)
    wording = models.TextField(help_text="The text the person agreed to, as shown to them.")
    given_at = models.DateTimeField(db_index=True)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_staff = models.BooleanField(default=False, help_text="Recorded by staff on the person's behalf.")

    class Meta:
        ordering = ["-given_at", "-id"]
        indexes = [models.Index(fields=["profile", "-given_at", "-id"])]

    def __str__(self) -> str:
        return f"{self.profile}: {self.level} ({self.wording_version})"


class BookletSettings(TimeStampedModel):
    """The edition's booklet: its introduction (the numbers in it are computed) and whether it is published."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="booklet_settings")
    introduction = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    # On unless staff hide the edition's public pages (profiles and consent stay as they are).
    published = models.BooleanField(
        default=True, help_text="Show this edition's public booklet pages (the profiles with public consent)."
    )

    class Meta:
        verbose_name_plural = "booklet settings"

    def __str__(self) -> str:
        return f"Booklet of {self.edition}"
