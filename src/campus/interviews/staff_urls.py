"""The staff pages of interviews, mounted under /staff/interviews/."""

from django.urls import path

from .views import staff

app_name = "staff_interviews"

urlpatterns = [
    path("", staff.home, name="home"),
    path("calls/<int:call_id>/slots/new/", staff.slot_new, name="slot_new"),
    path("slots/<int:pk>/", staff.slot_detail, name="slot"),
    path("slots/<int:pk>/edit/", staff.slot_edit, name="slot_edit"),
    path("slots/<int:pk>/delete/", staff.slot_delete, name="slot_delete"),
    path("slots/<int:pk>/cancel-booking/", staff.slot_cancel_booking, name="slot_cancel_booking"),
    path("invite/", staff.invite, name="invite"),
    path("invitations/<int:pk>/cancel/", staff.cancel_invitation, name="cancel_invitation"),
]
