"""The participant's assessment boards, mounted under /me/boards/."""

from django.urls import path

from .views import participant as views

app_name = "assessment"

urlpatterns = [
    path("", views.board_list, name="list"),
    path("new/", views.board_new, name="new"),
    path("<int:pk>/", views.board_detail, name="board"),
    path("<int:pk>/cards/new/", views.card_new, name="card_new"),
    path("cards/<int:pk>/", views.card_detail, name="card"),
    path("cards/<int:pk>/move/", views.card_move, name="move"),
    path("cards/<int:pk>/score/", views.card_score, name="score"),
    path("cards/<int:pk>/decide/", views.card_decide, name="decide"),
    path("from-signal/<int:pk>/", views.from_signal, name="from_signal"),
]
