from django.urls import path

from . import views

urlpatterns = [
    path("name/", views.names, name="account_names"),
]
