"""The content editor for staff (Django admin, configured: search, filters, inlines, markdown help).

Meetup times are entered and shown in the meetup's own time zone; they are stored in UTC.
"""

from django.contrib import admin
from django.db import models

from campus.core.forms import ZonedPeriodForm

from . import services

from .models import (
    FAQ,
    Benefit,
    ContactMessage,
    Edition,
    LearningOutcome,
    Meetup,
    Module,
    Outcome,
    Page,
    Partner,
    Programme,
    Requirement,
)


class MeetupForm(ZonedPeriodForm):
    """Start and end as wall-clock times in the meetup's own zone."""

    what = "The meetup"

    class Meta:
        model = Meetup
        fields = ["kind", "title", "local_start", "local_end", "timezone", "venue", "city", "country", "description",
                  "travel_note"]


class MeetupInline(admin.StackedInline):
    model = Meetup
    form = MeetupForm
    extra = 0


class LearningOutcomeInline(admin.StackedInline):
    model = LearningOutcome
    extra = 0


class RequirementInline(admin.StackedInline):
    model = Requirement
    extra = 0


class OutcomeInline(admin.StackedInline):
    model = Outcome
    extra = 0


class ModuleInline(admin.StackedInline):
    model = Module
    fields = ("number", "title", "city", "country", "starts_on", "ends_on", "delivery_mode")
    extra = 0
    show_change_link = True


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "contact_email", "updated_at")
    search_fields = ("name", "short_name")
    prepopulated_fields = {"slug": ("short_name",)}
    fieldsets = (
        (None, {"fields": ("name", "short_name", "slug", "contact_email", "funding_note")}),
        ("Home page", {"fields": ("tagline", "headline", "intro", "contact_prompt", "format_title", "format_text",
                                  "cta_title", "cta_text", "privacy_promise")}),
        ("Applications", {"fields": ("next_call_expected",)}),
        ("Convince your boss", {"fields": ("boss_title", "boss_intro")}),
        ("Team", {"fields": ("team_title", "team_intro")}),
    )


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    """``is_current`` is kept by ``services.refresh_current_edition`` (published, running or next, else the last
    ended) and ``published_at`` by publishing: both read-only here; the actions publish and unpublish through the
    services. An edition added here starts as a draft."""

    list_display = ("__str__", "is_current", "published_at", "capacity", "application_deadline",
                    "acceptance_letter_on")
    list_filter = ("programme", "is_current")
    search_fields = ("name", "programme__name")
    list_select_related = ("programme",)
    inlines = [RequirementInline, OutcomeInline, ModuleInline]
    readonly_fields = ("is_current", "published_at")
    actions = ["publish", "unpublish"]
    fieldsets = (
        (None, {"fields": ("programme", "name", "slug", "is_current", "published_at")}),
        ("Admission", {"fields": ("capacity", "admission_note", "how_to_apply", "application_deadline", "acceptance_letter_on")}),
        ("Format and costs", {"fields": ("price_eur", "estimated_value_eur", "costs_note", "hours_per_week_min",
                                         "hours_per_week_max", "meetup_note", "delivery_note")}),
    )


    def save_model(self, request, obj, form, change):
        if not change:
            obj.published_at = None  # a new edition is a draft until it is published (the action below)
        super().save_model(request, obj, form, change)

    @admin.action(description="Publish the selected editions (the public site follows the current one)")
    def publish(self, request, queryset):
        for edition in queryset.select_related("programme"):
            services.publish_edition(edition=edition, actor=request.user)
        self.message_user(request, f"Published: {', '.join(str(e) for e in queryset)}.")

    @admin.action(description="Unpublish the selected editions (back to drafts only staff see)")
    def unpublish(self, request, queryset):
        for edition in queryset.select_related("programme"):
            services.unpublish_edition(edition=edition, actor=request.user)
        self.message_user(request, f"Unpublished: {', '.join(str(e) for e in queryset)}.")


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "edition", "provider", "city", "country", "starts_on", "ends_on", "delivery_mode")
    list_filter = ("edition", "delivery_mode", "country")
    search_fields = ("title", "city", "provider__name")
    list_select_related = ("edition__programme", "provider")
    inlines = [LearningOutcomeInline, MeetupInline]
    fieldsets = (
        (None, {"fields": ("edition", "number", "title", "provider", "delivery_mode")}),
        ("Place and time", {"fields": ("city", "country", "timezone", "latitude", "longitude", "starts_on", "ends_on", "break_after")}),
        ("Content", {"fields": ("summary", "curriculum")}),
    )


@admin.register(Meetup)
class MeetupAdmin(admin.ModelAdmin):
    form = MeetupForm
    list_display = ("title", "module", "kind", "local_start_display", "timezone", "city")
    list_filter = ("kind", "module__edition", "timezone")
    search_fields = ("title", "city", "venue", "module__title")
    list_select_related = ("module",)

    @admin.display(description="Starts (local)", ordering="starts_at")
    def local_start_display(self, obj):
        return obj.local_start.strftime("%Y-%m-%d %H:%M %Z")


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "kind", "city", "country", "order")
    list_filter = ("kind", "country")
    search_fields = ("name", "city")


@admin.register(Benefit)
class BenefitAdmin(admin.ModelAdmin):
    list_display = ("title", "programme", "order")
    search_fields = ("title", "body")


@admin.register(FAQ)
class FAQAdmin(admin.ModelAdmin):
    list_display = ("question", "category", "is_published", "order")
    list_filter = ("category", "is_published")
    search_fields = ("question", "answer")


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "show_in_footer", "version", "updated_on", "order")
    search_fields = ("title", "body")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ("created_at", "name", "email", "organisation", "topic", "status", "notified_at")
    list_filter = ("status", "topic")
    search_fields = ("name", "email", "organisation", "message")
    date_hierarchy = "created_at"
    readonly_fields = ("programme", "created_at", "name", "email", "organisation", "topic", "message", "notified_at")
    fields = readonly_fields + ("status", "staff_note")

    def has_add_permission(self, request):
        return False
