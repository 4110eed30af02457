from django.urls import path

from .views import public

app_name = "programme"

urlpatterns = [
    path("", public.home, name="home"),
    path("modules/", public.module_list, name="modules"),
    path("modules/<int:number>/", public.module_detail, name="module"),
    path("modules/<int:number>/schedule.ics", public.module_ics, name="module_ics"),
    path("schedule/", public.schedule, name="schedule"),
    path("schedule.ics", public.schedule_ics, name="schedule_ics"),
    # the archive: every published edition, each with its pages under its own address (the same views)
    path("editions/", public.edition_list, name="editions"),
    path("editions/<slug:edition>/", public.home, name="edition_home"),
    path("editions/<slug:edition>/modules/", public.module_list, name="edition_modules"),
    path("editions/<slug:edition>/modules/<int:number>/", public.module_detail, name="edition_module"),
    path("editions/<slug:edition>/modules/<int:number>/schedule.ics", public.module_ics, name="edition_module_ics"),
    path("editions/<slug:edition>/schedule/", public.schedule, name="edition_schedule"),
    path("editions/<slug:edition>/schedule.ics", public.schedule_ics, name="edition_schedule_ics"),
    path("admission/", public.admission, name="admission"),
    path("convince-your-boss/", public.benefits, name="benefits"),
    path("about/", public.about, name="about"),
    path("contact/", public.contact, name="contact"),
    path("contact/thanks/", public.contact_thanks, name="contact_thanks"),
    path("<slug:slug>/", public.page, name="page"),
]
