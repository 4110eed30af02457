"""What the certificates app plugs into the shared parts (campus.core.plugins): its staff section, its page
and home block in the participant area, its mail event and its privacy handler."""

from django.template.loader import render_to_string

from campus.core.plugins import mail as mail_events
from campus.core.plugins import participant as area
from campus.core.plugins import privacy, staff

from . import codes
from .mail import EVENTS
from .models import Certificate
from .permissions import section_predicate
from .privacy_handler import CertificatesHandler

SECTION = staff.register(staff.StaffSection(
    title="Certificates", url_name="staff_certificates:home", order=49, predicate=section_predicate,
    description="Certificate rules per edition, who qualifies and why not, issuing, revoking, PDFs and exports.",
))

area.register_section(area.ParticipantSection(title="Certificate", url_name="certificates_me:home", order=90))


def certificate_block(request, participant):
    """'Your certificate' on the participant's home, once they hold a valid one (one query)."""
    certificate = (Certificate.objects.filter(participant=participant, state=Certificate.State.VALID)
                   .order_by("-issued_at").first())
    if certificate is None:
        return None
    html = render_to_string("certificates/participant/_home_block.html",
                            {"certificate": certificate, "code": codes.grouped(certificate.code)}, request=request)
    return area.HomeBlock(html=html, order=90, key="certificate")


area.register_block(certificate_block)

for event in EVENTS:
    mail_events.register(event)

privacy.register(CertificatesHandler())

from . import cloning  # noqa: E402 - its part of an edition's clone (campus.core.plugins.clone)

cloning.register()
