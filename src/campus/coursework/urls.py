"""The participant's pages of coursework, mounted under /me/coursework/."""

from django.urls import include, path

from .views import participant

app_name = "coursework"

# The journal is a section of its own in the participant area: its own namespace (coursework:journal:...).
journal = [
    path("", participant.journal, name="home"),
    path("<int:pk>/", participant.entry, name="entry"),
    path("<int:pk>/delete/", participant.entry_delete, name="delete"),
]

urlpatterns = [
    path("", participant.home, name="home"),
    path("modules/<int:pk>/", participant.module, name="module"),
    path("materials/<int:pk>/file/", participant.material_file, name="material_file"),
    path("assignments/<int:pk>/", participant.assignment, name="assignment"),
    path("files/<int:pk>/", participant.attempt_file, name="attempt_file"),
    path("journal/", include((journal, "journal"))),
]
