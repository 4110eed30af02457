"""Mounted at /my-data/ (campus/urls.py)."""

from django.urls import path

from .views import person

app_name = "privacy"

urlpatterns = [
    path("", person.home, name="home"),
    path("download.zip", person.download, name="download"),
    path("erase/", person.erase, name="erase"),
    path("erase/cancel/", person.cancel, name="cancel"),
]
