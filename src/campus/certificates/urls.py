"""Every URL of certificates, mounted with one include() at the site's root: the staff pages under
/staff/certificates/, the participant's page at /me/certificate/ and the public verification under
/certificates/."""

from django.urls import include, path

from .views import participant, public, staff

staff_patterns = [
    path("", staff.home, name="home"),
    path("editions/<int:edition_id>/rules/", staff.rules, name="rules"),
    path("editions/<int:edition_id>/issue/", staff.issue, name="issue"),
    path("editions/<int:edition_id>/by-hand/<int:participant_id>/", staff.by_hand, name="by_hand"),
    path("editions/<int:edition_id>/list/", staff.certificates, name="list"),
    path("editions/<int:edition_id>/export.<str:fmt>", staff.export, name="export"),
    path("<int:pk>/", staff.certificate, name="certificate"),
    path("<int:pk>/pdf/", staff.certificate_pdf, name="pdf"),
]

participant_patterns = [
    path("", participant.home, name="home"),
    path("pdf/", participant.download, name="pdf"),
]

public_patterns = [
    path("", public.lookup, name="lookup"),
    path("issuer/", public.issuer, name="issuer"),
    path("<str:code>/", public.verify, name="verify"),
]

urlpatterns = [
    path("staff/certificates/", include((staff_patterns, "staff_certificates"))),
    path("me/certificate/", include((participant_patterns, "certificates_me"))),
    path("certificates/", include((public_patterns, "certificates"))),
]
