"""A signed-in person's own data, under /my-data/: see what we hold, download it, ask to be erased.

The account decides whose data: no view takes an id or an address from the person.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.files import content_disposition

from .. import selectors, services
from ..forms import ErasureRequestForm
from ..permissions import can_handle_requests
from ..states import PERSON_LABELS


def zip_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    return response


def _private(response):
    add_never_cache_headers(response)
    return response


@login_required
@require_GET
def home(request):
    subject = selectors.subject_for_user(request.user)
    latest = selectors.latest_request_of(request.user)
    return _private(render(request, "privacy/home.html", {
        "summary": selectors.summary(subject),
        "emails": subject.emails,
        "unconfirmed": subject.unconfirmed,
        "latest": latest,
        "latest_label": PERSON_LABELS.get(latest.state) if latest else "",
        "can_handle": can_handle_requests(request.user),
    }))


@login_required
@require_GET
def download(request):
    """Everything held about the signed-in person: a zip with data.json and their files."""
    content = services.export_personal_data(
        subject=selectors.subject_for_user(request.user), actor=request.user, by="self"
    )
    return zip_response(content, "my-cluster-campus-data.zip")


@login_required
@require_http_methods(["GET", "POST"])
def erase(request):
    if selectors.open_request_of(request.user) is not None:
        messages.info(request, "You have already asked us to erase your data; the team will decide soon.")
        return redirect("privacy:home")
    form = ErasureRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.request_erasure(user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, "We received your request. The team will decide on it and erase your data.")
        return redirect("privacy:home")
    subject = selectors.subject_for_user(request.user)
    return _private(render(
        request, "privacy/erase.html", {"form": form, "summary": selectors.summary(subject)},
        
    ))


@login_required
@require_POST
def cancel(request):
    open_request = selectors.open_request_of(request.user)
    if open_request is not None:
        services.cancel_erasure_request(request=open_request, actor=request.user)
        messages.success(request, "Your request to be erased is cancelled. Nothing was erased.")
    return redirect("privacy:home")
