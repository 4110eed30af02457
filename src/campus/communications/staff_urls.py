"""The staff pages of communications, mounted under /staff/outbox/."""

from django.urls import path

from .views import staff

app_name = "staff_outbox"

urlpatterns = [
    path("", staff.home, name="home"),
]
