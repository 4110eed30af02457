"""The booklet PDF: the public one (profiles with public consent) at /booklet/<edition>/booklet.pdf, the
cohort's (participants and public) at /me/booklet/cohort/booklet.pdf, and the staff page that shows both and
makes them again. Each serves the kept PDF when it is current, else queues its making and answers "being
prepared" (never a PDF made in the request)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods

from campus.cohort.access import participant_page
from campus.core.files import private_file_response

from .. import document, pdf, selectors
from .public import _edition
from .staff import manager_of_edition


def _serve_or_prepare(request, edition, audience: str, *, back_url: str, template: str):
    path = document.current_file(edition, audience)
    if path is not None:
        response = private_file_response(path, download_name=pdf.filename(edition, audience),
                                         content_type="application/pdf")
    else:
        document.request_build(edition, audience)
        response = render(request, template, {
            "edition": edition, "audience": audience, "back_url": back_url, "again_url": request.path,
            "count": selectors.profile_counts(edition, audience)["participants"],
        })
        response.headers["Retry-After"] = "30"
    add_never_cache_headers(response)
    return response


@require_GET
def public_pdf(request, edition_slug):
    edition = _edition(request, edition_slug)
    return _serve_or_prepare(request, edition, "public", back_url=reverse("booklet:edition", args=[edition.slug]),
                             template="booklet/pdf_preparing.html")


@require_GET
@participant_page
def cohort_pdf(request):
    edition = request.participant.edition
    return _serve_or_prepare(request, edition, "participants", back_url=reverse("booklet_me:cohort"),
                             template="booklet/participant/pdf_preparing.html")


def _audience(value: str) -> str:
    if value not in document.AUDIENCES:
        raise Http404("No such booklet.")
    return value


@require_http_methods(["GET", "POST"])
@manager_of_edition
def staff_pdf(request, edition_id):
    edition = edition_id
    if request.method == "POST":
        audience = _audience(request.POST.get("audience", ""))
        document.request_build(edition, audience, force=True, actor=request.user)
        messages.success(request, "The booklet is being made again. It is ready in a minute; reload this page.")
        return redirect("staff_booklet:pdf", edition.pk)
    rows = []
    for audience in document.AUDIENCES:
        current = document.fingerprint(edition, audience)
        rows.append({"audience": audience, "kept": document.kept(edition, audience, current=current),
                     "being_made": document.being_made(edition, audience),
                     "count": selectors.profile_counts(edition, audience)["participants"]})
    return render(request, "booklet/staff/pdf.html", {"edition": edition, "rows": rows})


@require_GET
@manager_of_edition
def staff_pdf_download(request, edition_id, audience):
    edition = edition_id
    path = document.current_file(edition, _audience(audience))
    if path is None:
        messages.info(request, "That booklet is not ready: it is being made (or make it again below).")
        document.request_build(edition, audience)
        return redirect("staff_booklet:pdf", edition.pk)
    return private_file_response(path, download_name=pdf.filename(edition, audience), content_type="application/pdf")
