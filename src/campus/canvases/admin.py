"""The content editor (/staff/content/): the programme team edits the canvas types and their boxes and adds new
types without code. Canvases themselves are the participants' work and are not in the editor."""

from django.contrib import admin

from .models import CanvasBox, CanvasType


class CanvasBoxInline(admin.TabularInline):
    model = CanvasBox
    extra = 1
    fields = ("order", "key", "title", "prompt", "row", "column", "row_span", "column_span")


@admin.register(CanvasType)
class CanvasTypeAdmin(admin.ModelAdmin):
    list_display = ("title", "key", "columns", "rows", "active", "order")
    list_editable = ("active", "order")
    prepopulated_fields = {"key": ("title",)}
    inlines = [CanvasBoxInline]
