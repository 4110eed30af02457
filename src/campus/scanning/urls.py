"""The signal pages: the participant's under /me/signals/ (namespace ``scanning``), the staff overview under
/staff/signals/ (``staff_signals``), the public link under /signals/shared/<token>/ (``signals_public``)."""

from django.urls import include, path

from .views import participant as views
from .views import public, staff

me = [
    path("", views.signal_list, name="list"),
    path("new/", views.signal_new, name="new"),
    path("matrix/", views.signal_matrix, name="matrix"),
    path("import/", views.signal_import, name="import"),
    path("export.<slug:fmt>", views.signal_export, name="export"),
    path("<int:pk>/", views.signal_detail, name="detail"),
    path("<int:pk>/edit/", views.signal_edit, name="edit"),
    path("<int:pk>/sharing/", views.signal_sharing, name="sharing"),
    path("<int:pk>/triage/", views.signal_triage, name="triage"),
    path("<int:pk>/comment/", views.signal_comment, name="comment"),
    path("<int:pk>/vote/", views.signal_vote, name="vote"),
    path("<int:pk>/link/", views.signal_link, name="link"),
    path("<int:pk>/promote/", views.signal_promote, name="promote"),
]

staff_urls = ([
    path("", staff.home, name="home"),
    path("<int:pk>/", staff.signal, name="signal"),
], "staff_signals")

public_urls = ([path("<str:token>/", public.signal, name="signal")], "signals_public")

urlpatterns = [
    path("me/signals/", include((me, "scanning"))),
    path("staff/signals/", include(staff_urls)),
    path("signals/shared/", include(public_urls)),
]
