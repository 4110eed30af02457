"""The staff pages of review, mounted under /staff/review/."""

from django.urls import path

from .views import staff

app_name = "staff_review"

urlpatterns = [
    path("", staff.home, name="home"),
]
