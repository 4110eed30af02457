"""The attendance app's pages: the participant's under /me/attendance/ (namespace ``attendance``) and the
staff's under /staff/attendance/ (namespace ``staff_attendance``), mounted by one include() at the root."""

from django.urls import include, path

from .views import door, participant, staff

participant_patterns = ([
    path("", participant.my_sessions, name="sessions"),
    path("check-in/<str:token>/", participant.check_in, name="check_in"),
], "attendance")

staff_patterns = ([
    path("", staff.home, name="home"),
    path("meetups/<int:meetup>/sessions/new/", staff.session_new, name="session_new"),
    path("webinars/new/", staff.webinar_new, name="webinar_new"),
    path("sessions/<int:session>/edit/", staff.session_edit, name="session_edit"),
    path("sessions/<int:session>/delete/", staff.session_delete, name="session_delete"),
    path("sessions/<int:session>/", door.roll_call, name="roll_call"),
    path("sessions/<int:session>/rest-absent/", door.rest_absent, name="rest_absent"),
    path("sessions/<int:session>/qr/", door.qr_screen, name="qr_screen"),
    path("sessions/<int:session>/export.<str:fmt>", door.session_export, name="session_export"),
    path("overview/", door.overview, name="overview"),
    path("overview/export.<str:fmt>", door.overview_export, name="overview_export"),
], "staff_attendance")

urlpatterns = [
    path("me/attendance/", include(participant_patterns)),
    path("staff/attendance/", include(staff_patterns)),
]
