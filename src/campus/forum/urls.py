from django.urls import path

from .views import public

app_name = "forum"

urlpatterns = [
    path("", public.event_list, name="list"),
    path("<slug:slug>/", public.event_detail, name="event"),
]
