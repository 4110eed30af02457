"""The radar pages: the participant's under /me/radars/, the staff's overview under /staff/radars/, the public
link under /radars/shared/<token>/."""

from django.urls import include, path

from .views import io, output, participant, staff

me = [
    path("", participant.home, name="home"),
    path("<int:pk>/", participant.radar, name="radar"),
    path("<int:pk>/settings/", participant.settings, name="settings"),
    path("<int:pk>/delete/", participant.delete, name="delete"),
    path("<int:pk>/editions/", participant.editions, name="editions"),
    path("<int:pk>/editions/<int:edition_id>/publish/", participant.publish, name="publish"),
    path("<int:pk>/editions/<int:edition_id>/blips/new/", participant.blip_add, name="blip_add"),
    path("<int:pk>/blips/<int:blip_id>/", participant.blip_edit, name="blip_edit"),
    path("<int:pk>/blips/<int:blip_id>/remove/", participant.blip_remove, name="blip_remove"),
    path("<int:pk>/items/<int:item_id>/", participant.item, name="item"),
    path("<int:pk>/sharing/", participant.sharing_page, name="sharing"),
    path("<int:pk>/print/", output.printable, name="print"),
    path("<int:pk>/radar.pdf", output.pdf, name="pdf"),
    path("", include(io.urlpatterns)),  # import and export (views/io.py)
]

staff_urls = ([
    path("", staff.home, name="home"),
    path("<int:pk>/", staff.radar, name="radar"),
], "staff_radars")

public_urls = ([
    path("<str:token>/", output.public, name="radar"),
    path("<str:token>/radar.pdf", output.public_pdf, name="pdf"),
], "radars_public")

urlpatterns = [
    path("me/radars/", include((me, "radars"))),
    path("staff/radars/", include(staff_urls)),
    path("radars/shared/", include(public_urls)),
]
