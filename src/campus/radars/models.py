"""Technology radars: a radar (owned and shared through ``sharing.Shareable``) has quadrants and rings, editions
(e.g. "2021-10", draft or published) and items; a blip places an item in a quadrant and ring of one edition with
that edition's rationale. Movement (new, moved in, moved out, no change) is computed (selectors), never stored.

A blip may come from elsewhere (an assessment card, a signal): ``origin_label`` and ``origin_url`` point back to
it, so this app knows nothing of the apps above it."""

from django.db import models
from django.db.models.functions import Lower

from campus.core.models import TimeStampedModel

from .sharing import Shareable

DEFAULT_QUADRANTS = (
    ("Technologies", "Technologies, tools and platforms the cluster's members may use."),
    ("Business models and services", "Ways of creating and capturing value; services the cluster offers."),
    ("Markets and regulation", "Markets, standards, funding and regulation that shape the cluster."),
    ("Skills and collaboration", "Skills, methods and forms of working together."),
)
DEFAULT_RINGS = (
    ("Adopt", "We are confident in it and recommend it to our members.", "#1b5e20"),
    ("Trial", "Worth pursuing in a project that can handle the risk.", "#0d47a1"),
    ("Assess", "Worth exploring to understand how it affects us.", "#6a1b9a"),
    ("Hold", "Proceed with caution; not now.", "#8d2f00"),
)
MAX_QUADRANTS = 4
MAX_RINGS = 4


class Radar(Shareable, TimeStampedModel):
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class Quadrant(models.Model):
    radar = models.ForeignKey(Radar, on_delete=models.CASCADE, related_name="quadrants")
    position = models.PositiveSmallIntegerField(help_text="0–3, counted clockwise from the top right.")
    name = models.CharField(max_length=80)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["radar", "position"]
        constraints = [models.UniqueConstraint(fields=["radar", "position"], name="radars_quadrant_position")]

    def __str__(self) -> str:
        return self.name


class Ring(models.Model):
    radar = models.ForeignKey(Radar, on_delete=models.CASCADE, related_name="rings")
    position = models.PositiveSmallIntegerField(help_text="0–3, the innermost first.")
    name = models.CharField(max_length=80)
    description = models.TextField(blank=True)
    colour = models.CharField(max_length=7, default="#0d47a1", help_text="A colour as #rrggbb.")

    class Meta:
        ordering = ["radar", "position"]
        constraints = [models.UniqueConstraint(fields=["radar", "position"], name="radars_ring_position")]

    def __str__(self) -> str:
        return self.name


class EditionState(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class RadarEdition(TimeStampedModel):
    """One edition of a radar; ``sequence`` orders them (the previous edition is the one before)."""

    radar = models.ForeignKey(Radar, on_delete=models.CASCADE, related_name="editions")
    sequence = models.PositiveIntegerField()
    name = models.CharField(max_length=80, help_text='For example "2021-10".')
    state = models.CharField(max_length=12, choices=EditionState.choices, default=EditionState.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["radar", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["radar", "sequence"], name="radars_edition_sequence"),
            models.UniqueConstraint(fields=["radar", "name"], name="radars_edition_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_draft(self) -> bool:
        return self.state == EditionState.DRAFT


class Item(TimeStampedModel):
    """A technology or idea on a radar, across its editions (its name is unique per radar in any case)."""

    radar = models.ForeignKey(Radar, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=160)
    description = models.TextField(blank=True)
    tags = models.CharField(max_length=300, blank=True, help_text="Comma-separated.")
    link = models.URLField(blank=True, max_length=500)

    class Meta:
        ordering = ["radar", "name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "radar", name="radars_item_name_ci"),
            models.UniqueConstraint(fields=["radar", "slug"], name="radars_item_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class Blip(TimeStampedModel):
    edition = models.ForeignKey(RadarEdition, on_delete=models.CASCADE, related_name="blips")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="blips")
    quadrant = models.ForeignKey(Quadrant, on_delete=models.CASCADE, related_name="blips")
    ring = models.ForeignKey(Ring, on_delete=models.CASCADE, related_name="blips")
    rationale = models.TextField(blank=True)
    origin_label = models.CharField(max_length=200, blank=True, help_text="Where it came from, e.g. a card.")
    origin_url = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["edition", "id"]
        constraints = [models.UniqueConstraint(fields=["edition", "item"], name="radars_blip_once")]

    def __str__(self) -> str:
        return f"{self.item} ({self.edition})"
