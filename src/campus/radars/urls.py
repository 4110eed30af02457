"""The participant's radar pages, mounted under /me/radars/."""

from django.urls import path

app_name = "radars"

urlpatterns: list = []
