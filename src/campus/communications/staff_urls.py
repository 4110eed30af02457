"""The staff pages of communications, mounted under /staff/outbox/."""

from django.urls import path

from .views import staff

app_name = "staff_outbox"

urlpatterns = [
    path("", staff.home, name="home"),
    path("send/", staff.bulk_send, name="bulk_send"),
    path("<int:pk>/", staff.message_detail, name="message"),
    path("<int:pk>/edit/", staff.message_edit, name="edit"),
    path("<int:pk>/send/", staff.message_send, name="send"),
    path("<int:pk>/retry/", staff.message_retry, name="retry"),
    path("<int:pk>/cancel/", staff.message_cancel, name="cancel"),
    path("templates/", staff.template_list, name="templates"),
    path("templates/<slug:event>/default/", staff.template_edit, name="template_default"),
    path("templates/<slug:event>/<int:edition_id>/", staff.template_edit, name="template_edition"),
    path("templates/<slug:event>/<int:edition_id>/remove/", staff.template_remove, name="template_remove"),
]
