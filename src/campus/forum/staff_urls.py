"""The forum's staff pages, mounted under /staff/forum/ (the personal QR code's path is in qr.CHECKIN_PATH)."""

from django.urls import path

from .views import staff, staff_badges, staff_checkin, staff_message

app_name = "staff_forum"

urlpatterns = [
    path("", staff.home, name="home"),
    path("<int:event>/", staff.registrations, name="registrations"),
    path("<int:event>/offer/", staff.offer, name="offer"),
    path("<int:event>/export.<str:fmt>", staff.export, name="export"),
    path("<int:event>/message/", staff_message.message, name="message"),
    path("<int:event>/badges/", staff_badges.badges_page, name="badges"),
    path("<int:event>/check-in/", staff_checkin.checkin, name="checkin"),
    path("<int:event>/check-in/count.json", staff_checkin.checkin_count, name="checkin_count"),
    path("<int:event>/check-in/do/", staff_checkin.checkin_do, name="checkin_do"),
    path("check-in/code/<str:code>/", staff_checkin.checkin_code, name="checkin_code"),
]
