"""The participant's certificate (/me/certificate/): the certificate when earned (download, verification
address), otherwise what is still missing, rule by rule."""

import io

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from campus.cohort.access import participant_page
from campus.core.files import private_file_response

from .. import codes, pdf, selectors


@require_GET
@participant_page
def home(request):
    participant = request.participant
    rules, line = selectors.line_for(participant)
    certificate = line.certificate
    return render(request, "certificates/participant/home.html", {
        "participant": participant, "edition": participant.edition, "rules": selectors.active_rules(rules),
        "line": line, "certificate": certificate,
        "code": codes.grouped(certificate.code) if certificate else "",
    })


@require_GET
@participant_page
def download(request):
    certificate = selectors.valid_certificate_of(request.participant)
    if certificate is None:
        raise Http404("No certificate.")
    return private_file_response(io.BytesIO(pdf.render([certificate])), download_name=pdf.filename(certificate),
                                 content_type="application/pdf")
