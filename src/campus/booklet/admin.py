"""Raw data repair for superusers. The daily work (profiles, consent, locks, the introduction) happens in
/me/booklet/ and /staff/booklet/; consent rows are a record and are never edited here."""

from django.contrib import admin

from .models import BookletConsent, BookletProfile, BookletSettings


class ConsentInline(admin.TabularInline):
    model = BookletConsent
    extra = 0
    can_delete = False
    fields = ("given_at", "level", "wording_version", "given_by", "by_staff")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(BookletProfile)
class BookletProfileAdmin(admin.ModelAdmin):
    list_display = ("display_name", "participant", "country", "sector", "locked_at", "updated_at")
    list_select_related = ("participant__user", "participant__edition__programme")
    list_filter = ("participant__edition", "sector")
    search_fields = ("display_name", "organisation", "cluster_name")
    raw_id_fields = ("participant", "locked_by")
    exclude = ("photo",)
    readonly_fields = ("stored_photo", "photo_content_type", "photo_width", "photo_height", "photo_sha256", "locked_at",
                       "locked_by", "created_at", "updated_at")
    inlines = [ConsentInline]

    @admin.display(description="Photo")
    def stored_photo(self, obj):
        # private files have no URL: staff see it on /staff/booklet/
        return f"stored, {obj.photo_width} × {obj.photo_height} px" if obj.photo else "none"


@admin.register(BookletSettings)
class BookletSettingsAdmin(admin.ModelAdmin):
    list_display = ("edition", "published", "updated_at")
    list_select_related = ("edition__programme",)
    fields = ("edition", "introduction", "published")
