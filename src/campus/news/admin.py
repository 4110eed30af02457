from django.contrib import admin

from .models import NewsList


@admin.register(NewsList)
class NewsListAdmin(admin.ModelAdmin):
    list_display = ("title", "key", "programme", "order", "is_open")
    prepopulated_fields = {"key": ("title",)}
