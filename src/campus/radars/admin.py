"""Raw data repair by superusers only; the daily work happens on the radar pages."""

from django.contrib import admin

from .models import Blip, Item, Quadrant, Radar, RadarEdition, Ring


class QuadrantInline(admin.TabularInline):
    model = Quadrant
    extra = 0


class RingInline(admin.TabularInline):
    model = Ring
    extra = 0


@admin.register(Radar)
class RadarAdmin(admin.ModelAdmin):
    list_display = ("title", "owner_kind", "owner", "edition", "visibility")
    list_filter = ("owner_kind", "visibility", "edition")
    search_fields = ("title",)
    raw_id_fields = ("owner", "group")
    exclude = ("public_token",)
    inlines = [QuadrantInline, RingInline]


@admin.register(RadarEdition)
class RadarEditionAdmin(admin.ModelAdmin):
    list_display = ("name", "radar", "sequence", "state", "published_at")
    list_filter = ("state",)


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ("name", "radar", "tags")
    search_fields = ("name",)


@admin.register(Blip)
class BlipAdmin(admin.ModelAdmin):
    list_display = ("item", "edition", "quadrant", "ring")
    raw_id_fields = ("edition", "item", "quadrant", "ring")
