"""The applicant's pages of admissions, mounted under /apply/."""

from django.urls import path

from .views import applicant

app_name = "admissions"

urlpatterns = []
