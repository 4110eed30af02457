"""The canvas pages: the participant's under /me/canvases/, the staff's overview under /staff/canvases/, the public
link under /canvases/shared/<token>/."""

from django.urls import include, path

from .views import participant, public, staff, work

me = [
    path("", participant.home, name="home"),
    path("import/", work.import_canvas, name="import"),
    path("<int:pk>/", participant.canvas, name="canvas"),
    path("<int:pk>/details/", participant.details, name="details"),
    path("<int:pk>/delete/", participant.delete, name="delete"),
    path("<int:pk>/notes/", participant.item_add, name="item_add"),
    path("notes/<int:pk>/", participant.item_edit, name="item_edit"),
    path("notes/<int:pk>/delete/", participant.item_delete, name="item_delete"),
    path("notes/<int:pk>/move/", participant.item_move, name="item_move"),
    path("<int:pk>/versions/", work.versions, name="versions"),
    path("<int:pk>/compare/", work.compare_versions, name="compare"),
    path("<int:pk>/sharing/", work.sharing_page, name="sharing"),
    path("<int:pk>/comments/", work.comment, name="comment"),
    path("<int:pk>/export.json", work.export, name="export"),
    path("<int:pk>/imported/", work.imported, name="imported"),
]

staff_urls = ([
    path("", staff.home, name="home"),
    path("<int:pk>/", staff.canvas, name="canvas"),
], "staff_canvases")

public_urls = ([path("<str:token>/", public.canvas, name="canvas")], "canvases_public")

urlpatterns = [
    path("me/canvases/", include((me, "canvases"))),
    path("staff/canvases/", include(staff_urls)),
    path("canvases/shared/", include(public_urls)),
]
