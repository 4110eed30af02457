"""Every URL of the booklet, mounted with one include() at the site's root: the participant's pages under
/me/booklet/, the staff pages under /staff/booklet/ and the public booklet under /booklet/."""

from django.urls import include, path

from .views import cohort, participant, public, staff
from .views import pdf as pdf_views

participant_patterns = [
    path("", participant.edit, name="edit"),
    path("preview/", participant.preview, name="preview"),
    path("consent/", participant.consent, name="consent"),
    path("photo/", participant.photo, name="photo"),
    path("cohort/", cohort.listing, name="cohort"),
    path("cohort/booklet.pdf", pdf_views.cohort_pdf, name="cohort_pdf"),
    path("cohort/<int:profile_id>/", cohort.profile, name="cohort_profile"),
    path("cohort/<int:profile_id>/photo/", cohort.photo, name="cohort_photo"),
]

staff_patterns = [
    path("", staff.home, name="home"),
    path("editions/<int:edition_id>/settings/", staff.edition_settings, name="settings"),
    path("editions/<int:edition_id>/lock/", staff.lock_all, name="lock_all"),
    path("editions/<int:edition_id>/pdf/", pdf_views.staff_pdf, name="pdf"),
    path("editions/<int:edition_id>/pdf/<slug:audience>/", pdf_views.staff_pdf_download, name="pdf_download"),
    path("participants/<int:participant_id>/", staff.profile, name="profile"),
    path("participants/<int:participant_id>/consent/", staff.consent, name="consent"),
    path("participants/<int:participant_id>/lock/", staff.lock, name="lock"),
    path("participants/<int:participant_id>/photo/", staff.photo, name="photo"),
]

public_patterns = [
    path("", public.current, name="current"),
    path("<slug:edition_slug>/", public.edition, name="edition"),
    path("<slug:edition_slug>/booklet.pdf", pdf_views.public_pdf, name="pdf"),
    path("<slug:edition_slug>/<int:profile_id>/", public.profile, name="profile"),
    path("<slug:edition_slug>/<int:profile_id>/photo/", public.photo, name="photo"),
]

urlpatterns = [
    path("me/booklet/", include((participant_patterns, "booklet_me"))),
    path("staff/booklet/", include((staff_patterns, "staff_booklet"))),
    path("booklet/", include((public_patterns, "booklet"))),
]
