"""The staff pages of peer coaching, mounted under /staff/coaching/."""

from django.urls import path

from .views import staff

app_name = "staff_coaching"

urlpatterns = [
    path("", staff.home, name="home"),
    path("editions/<int:edition_id>/new/", staff.round_new, name="round_new"),
    path("rounds/<int:pk>/", staff.round_detail, name="round"),
    path("rounds/<int:pk>/move/", staff.move, name="move"),
    path("rounds/<int:pk>/export.<str:fmt>", staff.export, name="export"),
]
