"""The staff pages of coursework, mounted under /staff/coursework/."""

from django.urls import path

from .views import staff, staff_work

app_name = "staff_coursework"

urlpatterns = [
    path("", staff.home, name="home"),
    path("modules/<int:pk>/", staff.module, name="module"),
    path("modules/<int:pk>/materials/new/", staff.material_new, name="material_new"),
    path("materials/<int:pk>/", staff.material_edit, name="material_edit"),
    path("materials/<int:pk>/delete/", staff.material_delete, name="material_delete"),
    path("materials/<int:pk>/file/", staff.material_file, name="material_file"),
    path("modules/<int:pk>/assignments/new/", staff.assignment_new, name="assignment_new"),
    path("assignments/<int:pk>/edit/", staff.assignment_edit, name="assignment_edit"),
    path("assignments/<int:pk>/", staff_work.submissions, name="submissions"),
    path("assignments/<int:pk>/export.<str:fmt>", staff_work.export, name="export"),
    path("attempts/<int:pk>/", staff_work.attempt, name="attempt"),
    path("attempts/<int:pk>/reopen/", staff_work.reopen, name="reopen"),
    path("files/<int:pk>/", staff_work.attempt_file, name="attempt_file"),
    path("journal/", staff_work.journal, name="journal"),
    path("journal/<int:pk>/", staff_work.entry, name="entry"),
]
