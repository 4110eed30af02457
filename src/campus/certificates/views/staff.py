"""The staff pages of certificates (/staff/certificates/): per edition the rules, the preview of who
qualifies and why not, issuing (to one, to all who qualify, by hand with a note), the list with PDFs and
exports, revoking with a reason. The edition's programme managers only (404 for other signed-in people)."""

import io

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.core.files import private_file_response
from campus.team.selectors import edition_chosen, editions_managed_by

from .. import exports, pdf, selectors, services
from ..forms import ByHandForm, RevokeForm, RulesForm
from ..models import Certificate
from ..permissions import can_manage_certificates, section_predicate


def _edition(edition_id):
    return selectors.edition_or_none(edition_id)


def _certificate(pk):
    return selectors.certificate_or_none(pk)


def _manages_edition(user, edition_id):
    return can_manage_certificates(user, edition_id)


def _manages_certificate(user, pk):
    return can_manage_certificates(user, pk.edition_id)


manager_of_edition = staff_page(_manages_edition, load={"edition_id": _edition})
manager_of_certificate = staff_page(_manages_certificate, load={"pk": _certificate})


@require_GET
@staff_page(section_predicate)
def home(request):
    """The preview of one edition (``?edition=``, else the current one the person manages): its rules, every
    participant, whether they qualify and why not, their certificate, and the buttons to issue."""
    editions = editions_managed_by(request.user)
    wanted = request.GET.get("edition", "")
    edition = edition_chosen(editions, wanted)
    if wanted and edition is None:
        raise Http404("No such edition.")
    context = {"editions": editions, "edition": edition}
    if edition is not None:
        rules, lines = selectors.preview(edition)
        context.update(rules=rules, active_rules=selectors.active_rules(rules), lines=lines,
                       qualifying=sum(1 for line in lines if line.qualifies and not _holds_valid(line)))
    return render(request, "certificates/staff/home.html", context)


def _posted(request):
    """The form's data on a POST (even an empty one: bound, so its errors show), None on a GET."""
    return request.POST if request.method == "POST" else None


def _to_edition(edition):
    return redirect(f"{reverse('staff_certificates:home')}?edition={edition.pk}")


def _holds_valid(line) -> bool:
    return line.certificate is not None and line.certificate.state == Certificate.State.VALID


@require_http_methods(["GET", "POST"])
@manager_of_edition
def rules(request, edition_id):
    edition = edition_id
    form = RulesForm(_posted(request), rules=selectors.rules_of(edition))
    if request.method == "POST" and form.is_valid():
        services.save_rules(edition=edition, chosen=form.chosen(), actor=request.user)
        messages.success(request, "The rules are saved. The preview below shows who qualifies now.")
        return _to_edition(edition)
    return render(request, "certificates/staff/rules.html", {"edition": edition, "form": form})


@require_POST
@manager_of_edition
def issue(request, edition_id):
    edition = edition_id
    participant = request.POST.get("participant")
    ids = None
    if participant:
        if not participant.isdigit():
            raise Http404("No such participant.")
        ids = [int(participant)]
    try:
        issued = services.issue(edition=edition, actor=request.user, participant_ids=ids)
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        if issued:
            messages.success(request, f"{len(issued)} certificate{'s' if len(issued) != 1 else ''} issued; "
                                      "each holder gets a mail through the outbox.")
        else:
            messages.info(request, "Nobody new qualifies: no certificate was issued.")
    return _to_edition(edition)


@require_http_methods(["GET", "POST"])
@manager_of_edition
def by_hand(request, edition_id, participant_id):
    edition = edition_id
    participant = selectors.participant_of(edition, participant_id)
    if participant is None:
        raise Http404("No such participant.")
    _rules, line = selectors.line_for(participant)
    form = ByHandForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.issue_by_hand(participant=participant, note=form.cleaned_data["note"], actor=request.user)
        except services.CertificateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Certificate issued by hand to {services.holder_name_of(participant)}.")
            return _to_edition(edition)
    return render(request, "certificates/staff/by_hand.html", {
        "edition": edition, "participant": participant, "line": line, "form": form})


@require_GET
@manager_of_edition
def certificates(request, edition_id):
    return render(request, "certificates/staff/list.html", {
        "edition": edition_id, "certificates": list(selectors.certificates_of(edition_id))})


@require_GET
@manager_of_edition
def export(request, edition_id, fmt):
    if fmt not in exports.CONTENT_TYPES:
        raise Http404("No such format.")
    rows = list(selectors.certificates_of(edition_id))
    content = exports.as_csv(rows) if fmt == "csv" else exports.as_xlsx(rows)
    return private_file_response(io.BytesIO(content), download_name=exports.filename(edition_id, fmt),
                                 content_type=exports.CONTENT_TYPES[fmt])


@require_http_methods(["GET", "POST"])
@manager_of_certificate
def certificate(request, pk):
    certificate = pk
    if certificate.state == Certificate.State.ERASED:
        raise Http404("No such certificate.")
    form = RevokeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.revoke(certificate=certificate, reason=form.cleaned_data["reason"], actor=request.user)
        except services.CertificateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The certificate is revoked: its public page now says so.")
            return redirect("staff_certificates:certificate", pk=certificate.pk)
    return render(request, "certificates/staff/certificate.html", {
        "certificate": certificate, "edition": certificate.edition, "form": form})


@require_GET
@manager_of_certificate
def certificate_pdf(request, pk):
    certificate = pk
    if certificate.state != Certificate.State.VALID:
        raise Http404("Only a valid certificate has a PDF.")
    return private_file_response(io.BytesIO(pdf.render([certificate])), download_name=pdf.filename(certificate),
                                 content_type="application/pdf")
