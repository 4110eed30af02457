"""Every URL of news, mounted with one include() at the site's root: the public pages under /news/ and the
staff pages under /staff/news/."""

from django.urls import include, path

from .views import public, staff

public_patterns = [
    path("", public.sign_up, name="sign_up"),
    path("training/", public.training, name="training"),
    path("check-your-inbox/", public.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", public.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("manage/<str:token>/", public.manage, name="manage"),
]

staff_patterns = [
    path("", staff.home, name="home"),
    path("lists/<int:list_id>/write/", staff.write, name="write"),
    path("lists/<int:list_id>/export.csv", staff.export, name="export"),
]

urlpatterns = [
    path("staff/news/", include((staff_patterns, "staff_news"))),
    path("news/", include((public_patterns, "news"))),
]
