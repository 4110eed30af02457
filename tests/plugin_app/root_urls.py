"""The site's URLs plus the test app's: the one ``include()`` a new app adds."""

from django.urls import include, path

from campus.urls import urlpatterns as site

urlpatterns = [path("staff/field-notes/", include("tests.plugin_app.urls")), *site]
