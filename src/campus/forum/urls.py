from django.urls import path

from .views import public, registrant

app_name = "forum"

urlpatterns = [
    path("", public.event_list, name="list"),
    path("<slug:slug>/", public.event_detail, name="event"),
    path("<slug:slug>/event.ics", public.event_ics, name="event_ics"),
    path("<slug:slug>/register/", registrant.register, name="register"),
    path("<slug:slug>/register/check-your-mail/", registrant.check_mail, name="check_mail"),
    path("registration/<str:token>/", registrant.overview, name="registration"),
    path("registration/<str:token>/confirm/", registrant.confirm, name="registration_confirm"),
    path("registration/<str:token>/cancel/", registrant.cancel, name="registration_cancel"),
    path("registration/<str:token>/accept/", registrant.accept, name="registration_accept"),
]
