"""The applicant's pages of admissions: the offer, accepting or declining it (with a confirmation step) and
its letters (the offer letter; the confirmation of the place once accepted). Only the applicant's own offer of
the current call is ever looked up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods

from campus.applications import selectors as application_selectors
from campus.applications.models import Application
from campus.programme import selectors as programme_selectors

from .. import selectors, services
from ..models import Offer
from ..status import offer_label

O = Offer.State


def _own_offer(request) -> tuple[Application, Offer]:
    programme = programme_selectors.request_programme(request)
    call = application_selectors.current_call(programme_selectors.current_edition(programme))
    if call is None:
        raise Http404("There is no call.")
    application = Application.objects.filter(call=call, applicant=request.user).select_related("applicant").first()
    if application is None:
        raise Http404("No application.")
    application.call = call
    offer = selectors.applicant_offer(application) if selectors.released_decision(application) else None
    if offer is None:
        raise Http404("No offer.")
    offer.application = application
    return application, offer


def _page(request, template, context, status=200):
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


@login_required
@require_GET
def offer(request):
    application, offer = _own_offer(request)
    return _page(request, "admissions/offer.html", {
        "application": application, "call": application.call, "offer": offer,
        "label": offer_label(offer, application.call),
    })


def _answer(request, *, action):
    application, offer = _own_offer(request)
    context = {"application": application, "call": application.call, "offer": offer, "action": action,
               "label": offer_label(offer, application.call)}
    if request.method == "POST":
        try:
            if action == "accept":
                services.accept_offer(offer=offer, actor=request.user)
                messages.success(request, "You accepted your place. Welcome to the cohort!")
            else:
                services.decline_offer(offer=offer, actor=request.user)
                messages.success(request, "You declined the offer. Thank you for letting us know.")
        except services.AdmissionError as error:
            context["error"] = str(error)
            context["form_error"] = True
            return _page(request, "admissions/answer.html", context, status=409)
        return redirect("apply:status")
    if offer.state != O.OPEN:
        return redirect("admissions:offer")
    return _page(request, "admissions/answer.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def accept(request):
    return _answer(request, action="accept")


@login_required
@require_http_methods(["GET", "POST"])
def decline(request):
    return _answer(request, action="decline")


@login_required
@require_GET
def letter(request):
    """The open offer's letter; once accepted, the confirmation of the place."""
    application, offer = _own_offer(request)
    if offer.state == O.ACCEPTED:
        offer = services.ensure_confirmation(offer=offer)
        return pdf_response(offer.confirmation, f"place-confirmation-{offer.application.reference}.pdf")
    if offer.state != O.OPEN:
        raise Http404("No letter.")
    return letter_response(services.ensure_letter(offer=offer))


def letter_response(offer: Offer) -> HttpResponse:
    return pdf_response(offer.letter, f"offer-letter-{offer.application.reference}.pdf")


def pdf_response(stored, filename: str) -> HttpResponse:
    """A stored letter as a download (private, never cached, never sniffed)."""
    with stored.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
