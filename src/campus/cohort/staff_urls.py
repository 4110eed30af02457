"""The staff pages of the cohort, mounted under /staff/cohort/."""

from django.urls import path

from .views import staff

app_name = "staff_cohort"

urlpatterns = [
    path("", staff.home, name="home"),
    path("editions/<int:edition>/", staff.participants, name="participants"),
    path("editions/<int:edition>/export.<str:fmt>", staff.export, name="export"),
    path("editions/<int:edition>/leads/", staff.leads, name="leads"),
    path("leads/<int:membership>/remove/", staff.lead_remove, name="lead_remove"),
    path("editions/<int:edition>/meetups/", staff.meetups, name="meetups"),
    path("meetups/<int:meetup>/mode/", staff.meetup_mode, name="meetup_mode"),
    path("editions/<int:edition>/onboarding/", staff.onboarding, name="onboarding"),
]
