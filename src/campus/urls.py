from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from campus.core import health, staff_nav

admin.site.site_header = "Cluster Campus — staff"
admin.site.site_title = "Cluster Campus staff"
admin.site.index_title = "Programme content and data"
# Staff with a second factor must give it at the staff sign-in too (allauth checks it).
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("staff/applications/", include("campus.applications.staff_urls")),
    path("staff/review/", include("campus.review.staff_urls")),
    path("staff/interviews/", include("campus.interviews.staff_urls")),
    path("staff/admissions/", include("campus.admissions.staff_urls")),
    path("staff/outbox/", include("campus.communications.staff_urls")),
    path("staff/coaching/", include("campus.coaching.staff_urls")),
    path("staff/privacy/", include("campus.privacy.staff_urls")),
    path("staff/cohort/", include("campus.cohort.staff_urls")),
    path("staff/coursework/", include("campus.coursework.staff_urls")),
    path("staff/feedback/", include("campus.feedback.staff_urls")),
    path("staff/forum/", include("campus.forum.staff_urls")),
    path("staff/editions/", include("campus.editions.urls")),
    path("staff/", staff_nav.home, name="staff"),
    path("staff/content/", admin.site.urls),
    path("accounts/", include("campus.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("apply/interview/", include("campus.interviews.urls")),
    path("apply/offer/", include("campus.admissions.urls")),
    path("apply/", include("campus.applications.urls")),
    path("api/", include("campus.api.urls")),
    path("me/coursework/", include("campus.coursework.urls")),
    path("me/surveys/", include("campus.feedback.urls")),
    path("me/coaching/", include("campus.coaching.urls")),
    path("", include("campus.assessment.urls")),  # me/boards/ and staff/boards/
    path("", include("campus.scanning.urls")),  # me/signals/, staff/signals/ and signals/shared/<token>/
    path("forum/", include("campus.forum.urls")),
    path("", include("campus.canvases.urls")),  # me/canvases/, staff/canvases/ and canvases/shared/<token>/
    path("", include("campus.radars.urls")),  # me/radars/, staff/radars/ and radars/shared/<token>/
    path("", include("campus.strategy.urls")),  # me/strategy/, staff/strategy/ and strategy/shared/<token>/
    path("", include("campus.certificates.urls")),
    path("", include("campus.booklet.urls")),  # me/booklet/, staff/booklet/ and booklet/
    path("", include("campus.news.urls")),  # news/ and staff/news/
    path("me/", include("campus.cohort.urls")),
    path("my-data/", include("campus.privacy.urls")),
    path("healthz", health.healthz, name="healthz"),
    path("", include("campus.attendance.urls")),  # me/attendance/ and staff/attendance/
    path("", include("campus.programme.urls")),
]
