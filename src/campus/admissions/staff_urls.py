"""The staff pages of admissions, mounted under /staff/admissions/."""

from django.urls import path

from .views import staff

app_name = "staff_admissions"

urlpatterns = [
    path("", staff.home, name="home"),
]
