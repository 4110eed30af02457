"""The participant's surveys, mounted under /me/surveys/."""

from django.urls import path

from .views import participant

app_name = "feedback"

urlpatterns = [
    path("", participant.survey_list, name="list"),
    path("<int:pk>/", participant.answer, name="answer"),
]
