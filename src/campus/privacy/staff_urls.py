"""Mounted at /staff/privacy/ (campus/urls.py): the privacy team's pages, under the staff area's MFA rule."""

from django.urls import path

from .views import staff

app_name = "staff_privacy"

urlpatterns = [
    path("", staff.index, name="home"),
    path("export/", staff.export, name="export"),
    path("erasure/<int:pk>/", staff.erasure, name="erasure"),
]
