"""The staff pages of interviews, mounted under /staff/interviews/."""

from django.urls import path

from .views import staff

app_name = "staff_interviews"

urlpatterns = [
    path("", staff.home, name="home"),
]
