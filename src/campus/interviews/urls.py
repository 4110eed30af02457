"""The applicant's pages of interviews, mounted under /apply/."""

from django.urls import path

from .views import applicant

app_name = "interviews"

urlpatterns = []
