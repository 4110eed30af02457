"""The staff pages of admissions, mounted under /staff/admissions/."""

from django.urls import path

from .views import assistant, exports, staff

app_name = "staff_admissions"

urlpatterns = [
    path("", staff.home, name="home"),
    # the selection assistant and the exports (views/assistant.py, views/exports.py)
    path("<int:call>/assistant/", assistant.assistant, name="assistant"),
    path("<int:call>/export.<str:fmt>", exports.export, name="export"),
    path("<int:call>/cvs.zip", exports.cvs, name="cvs"),
]
