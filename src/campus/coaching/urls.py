"""The participant's pages of peer coaching, mounted under /me/coaching/."""

from django.urls import path

from .views import participant

app_name = "coaching"

urlpatterns = [
    path("", participant.home, name="home"),
    path("groups/<int:group_id>/sessions/", participant.log_session, name="log_session"),
]
