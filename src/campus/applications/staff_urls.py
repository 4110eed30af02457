"""The staff back office for applications, mounted at /staff/applications/."""

from django.urls import path

from .views import staff

app_name = "staff_applications"

urlpatterns = [
    path("", staff.application_list, name="list"),
    path("export.<str:fmt>", staff.export, name="export"),
    path("<int:pk>/", staff.application_detail, name="detail"),
    path("<int:pk>/eligibility/", staff.override_eligibility, name="override"),
    path("<int:pk>/deadline/", staff.extend_deadline, name="extend"),
    path("<int:pk>/more-information/", staff.request_information, name="request_information"),
]
