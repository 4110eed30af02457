from django.urls import include, path

from .views import feed, participant

app_name = "cohort"

schedule = ([
    path("", participant.schedule, name="page"),
    path("feed/new/", participant.feed_new, name="feed_new"),
    path("feed/revoke/", participant.feed_revoke, name="feed_revoke"),
], "schedule")

directory = ([
    path("", participant.directory, name="page"),
    path("contact/", participant.contact_consent, name="consent"),
], "directory")

urlpatterns = [
    path("", participant.home, name="home"),
    path("schedule/", include(schedule)),
    path("cohort/", include(directory)),
    path("calendar/<str:token>.ics", feed.calendar_feed, name="calendar_feed"),
]
