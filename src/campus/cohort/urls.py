from django.urls import path

from .views import participant

app_name = "cohort"

urlpatterns = [
    path("", participant.home, name="home"),
]
