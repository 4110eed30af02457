"""The assessment boards' pages: the participant's under /me/boards/, the module leads' overview under
/staff/boards/ (one include() in campus/urls.py, as the radars do)."""

from django.urls import include, path

from .views import criteria, participant as views, staff

me = [
    path("", views.board_list, name="list"),
    path("new/", views.board_new, name="new"),
    path("<int:pk>/", views.board_detail, name="board"),
    path("<int:pk>/cards/new/", views.card_new, name="card_new"),
    path("<int:pk>/criteria/", criteria.criteria, name="criteria"),
    path("<int:pk>/criteria/<int:criterion_id>/", criteria.criterion_edit, name="criterion"),
    path("<int:pk>/criteria/<int:criterion_id>/move/", criteria.criterion_move, name="criterion_move"),
    path("<int:pk>/criteria/<int:criterion_id>/remove/", criteria.criterion_remove, name="criterion_remove"),
    path("cards/<int:pk>/", views.card_detail, name="card"),
    path("cards/<int:pk>/edit/", views.card_edit, name="card_edit"),
    path("cards/<int:pk>/move/", views.card_move, name="move"),
    path("cards/<int:pk>/score/", views.card_score, name="score"),
    path("cards/<int:pk>/decide/", views.card_decide, name="decide"),
    path("from-signal/<int:pk>/", views.from_signal, name="from_signal"),
]

staff_urls = [
    path("", staff.home, name="home"),
    path("<int:pk>/", staff.board, name="board"),
]

urlpatterns = [
    path("me/boards/", include((me, "assessment"))),
    path("staff/boards/", include((staff_urls, "staff_assessment"))),
]
