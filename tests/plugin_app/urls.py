from django.urls import path

from . import views

app_name = "field_notes"

urlpatterns = [
    path("", views.home, name="home"),
    path("<int:pk>/", views.note, name="note"),
]
