"""The staff pages of editions, mounted at /staff/editions/."""

from django.urls import path

from .views import staff

app_name = "staff_editions"

urlpatterns = [
    path("", staff.home, name="home"),
    path("clone/", staff.clone, name="clone"),
    path("clone/create/", staff.create, name="create"),
    path("<int:edition_id>/", staff.edition, name="edition"),
    path("<int:edition_id>/publish/", staff.publish, name="publish"),
    path("<int:edition_id>/unpublish/", staff.unpublish, name="unpublish"),
]
