"""The staff pages of surveys, mounted under /staff/feedback/."""

from django.urls import path

from .views import staff, staff_results

app_name = "staff_feedback"

urlpatterns = [
    path("", staff.home, name="home"),
    path("new/", staff.survey_new, name="new"),
    path("<int:pk>/", staff.builder, name="survey"),
    path("<int:pk>/edit/", staff.survey_edit, name="edit"),
    path("<int:pk>/delete/", staff.survey_delete, name="delete"),
    path("<int:pk>/questions/new/", staff.question_new, name="question_new"),
    path("questions/<int:pk>/edit/", staff.question_edit, name="question_edit"),
    path("questions/<int:pk>/delete/", staff.question_delete, name="question_delete"),
    path("questions/<int:pk>/move/", staff.question_move, name="question_move"),
    path("<int:pk>/state/", staff.survey_state, name="state"),
    path("<int:pk>/results/", staff_results.results, name="results"),
    path("<int:pk>/not-answered/", staff_results.not_answered, name="not_answered"),
    path("<int:pk>/remind/", staff_results.remind, name="remind"),
    path("<int:pk>/export.<str:fmt>", staff_results.export, name="export"),
]
