"""The applicant's pages of admissions, mounted under /apply/offer/."""

from django.urls import path

from .views import applicant

app_name = "admissions"

urlpatterns = [
    path("", applicant.offer, name="offer"),
    path("accept/", applicant.accept, name="accept"),
    path("decline/", applicant.decline, name="decline"),
    path("letter.pdf", applicant.letter, name="letter"),
]
