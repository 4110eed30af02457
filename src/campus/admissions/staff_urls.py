"""The staff pages of admissions, mounted under /staff/admissions/."""

from django.urls import path

from .views import assistant, exports, staff

app_name = "staff_admissions"

urlpatterns = [
    path("", staff.home, name="home"),
    path("<int:call>/", staff.board, name="board"),
    path("<int:call>/stage/", staff.stage, name="stage"),
    path("<int:call>/release/", staff.release, name="release"),
    path("<int:call>/settings/", staff.save_settings, name="settings"),
    path("<int:call>/fill/", staff.fill, name="fill"),
    path("<int:call>/promotions/<int:pk>/<str:action>/", staff.promotion, name="promotion"),
    path("<int:call>/offers/<int:pk>/letter.pdf", staff.offer_letter, name="offer_letter"),
    path("<int:call>/offers/<int:pk>/confirmation.pdf", staff.place_confirmation, name="place_confirmation"),
    # the selection assistant and the exports (views/assistant.py, views/exports.py)
    path("<int:call>/assistant/", assistant.assistant, name="assistant"),
    path("<int:call>/export.<str:fmt>", exports.export, name="export"),
    path("<int:call>/cvs.zip", exports.cvs, name="cvs"),
]
