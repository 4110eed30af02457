"""The participant's signals, mounted under /me/signals/."""

from django.urls import path

from .views import participant as views

app_name = "scanning"

urlpatterns = [
    path("", views.signal_list, name="list"),
    path("new/", views.signal_new, name="new"),
    path("matrix/", views.signal_matrix, name="matrix"),
    path("import/", views.signal_import, name="import"),
    path("export.<slug:fmt>", views.signal_export, name="export"),
    path("<int:pk>/", views.signal_detail, name="detail"),
    path("<int:pk>/edit/", views.signal_edit, name="edit"),
    path("<int:pk>/triage/", views.signal_triage, name="triage"),
    path("<int:pk>/comment/", views.signal_comment, name="comment"),
    path("<int:pk>/vote/", views.signal_vote, name="vote"),
    path("<int:pk>/link/", views.signal_link, name="link"),
    path("<int:pk>/promote/", views.signal_promote, name="promote"),
]
