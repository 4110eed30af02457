"""The applicant's pages of interviews, mounted under /apply/interview/."""

from django.urls import path

from .views import applicant

app_name = "interviews"

urlpatterns = [
    path("book/", applicant.book, name="book"),
    path("cancel/", applicant.cancel, name="cancel"),
    path("interview.ics", applicant.ics, name="ics"),
]
