"""Strategy canvases: a canvas type is data (a grid of boxes with prompts, edited by staff in the content editor);
a canvas (owned and shared through ``campus.radars.sharing.Shareable``, plus ``shared_with_leads``) holds
sticky-note items per box; a version keeps a snapshot of the items; comments (a lead's marked as feedback)."""

from django.conf import settings
from django.db import models

from campus.core.models import TimeStampedModel
from campus.radars.sharing import Shareable

# A small palette of light note colours; each keeps dark text above 7:1 contrast, and its name is shown in words.
COLOURS = [
    ("yellow", "Yellow"), ("green", "Green"), ("blue", "Blue"), ("pink", "Pink"), ("orange", "Orange"),
    ("grey", "Grey"),
]


class CanvasType(TimeStampedModel):
    key = models.SlugField(max_length=50, unique=True, help_text="A short stable name, e.g. swot.")
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    columns = models.PositiveSmallIntegerField(default=2, help_text="Columns of the grid at full width (1–12).")
    rows = models.PositiveSmallIntegerField(default=2, help_text="Rows of the grid (1–8).")
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True, help_text="Only active types are offered for new canvases.")

    class Meta:
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title


class CanvasBox(models.Model):
    canvas_type = models.ForeignKey(CanvasType, on_delete=models.CASCADE, related_name="boxes")
    key = models.SlugField(max_length=50)
    title = models.CharField(max_length=120)
    prompt = models.TextField(blank=True, help_text="The questions that help to fill the box.")
    row = models.PositiveSmallIntegerField(default=1)
    column = models.PositiveSmallIntegerField(default=1)
    row_span = models.PositiveSmallIntegerField(default=1)
    column_span = models.PositiveSmallIntegerField(default=1)
    order = models.PositiveSmallIntegerField(default=0, help_text="The order when the boxes are stacked.")

    class Meta:
        ordering = ["canvas_type", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["canvas_type", "key"], name="canvases_box_key_once")]
        verbose_name_plural = "canvas boxes"

    def __str__(self) -> str:
        return self.title

    @property
    def grid_classes(self) -> str:
        """CSS classes placing the box on the grid (no inline styles: the CSP allows our stylesheet only)."""
        return (f"cv-r{min(self.row, 8)} cv-c{min(self.column, 12)} cv-rs{min(self.row_span, 8)} "
                f"cv-cs{min(self.column_span, 12)}")


class Canvas(Shareable, TimeStampedModel):
    canvas_type = models.ForeignKey(CanvasType, on_delete=models.PROTECT, related_name="canvases")
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True)
    shared_with_leads = models.BooleanField(
        default=False, help_text="Seen by the owners and the edition's module leads (and managers) only.")

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name_plural = "canvases"

    def __str__(self) -> str:
        return self.title


class Item(TimeStampedModel):
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="items")
    box = models.ForeignKey(CanvasBox, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=1000)
    colour = models.CharField(max_length=10, choices=COLOURS, default="yellow")
    position = models.PositiveIntegerField(default=0)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")

    class Meta:
        ordering = ["canvas", "box", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Version(models.Model):
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    note = models.CharField(max_length=300, blank=True)
    snapshot = models.JSONField(default=dict)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["canvas", "-number"]
        constraints = [models.UniqueConstraint(fields=["canvas", "number"], name="canvases_version_number_once")]

    def __str__(self) -> str:
        return f"Version {self.number}"


class Comment(TimeStampedModel):
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    body = models.TextField(max_length=5000)
    is_feedback = models.BooleanField(default=False, help_text="Written by a module lead (or manager) of the edition.")

    class Meta:
        ordering = ["canvas", "created_at", "id"]

    def __str__(self) -> str:
        return f"Comment on {self.canvas}"
