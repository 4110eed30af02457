"""The edition's retention policy in the staff content editor. Erasure requests are handled in /staff/privacy/."""

from django.contrib import admin

from .models import RetentionPolicy


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ("edition", "documents_months")
    list_select_related = ("edition__programme",)
    fields = ("edition", "documents_months")
