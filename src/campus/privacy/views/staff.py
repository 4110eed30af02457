"""Privacy requests for the team, under /staff/privacy/: a person's data by address, erasure decisions.

Who gets in is decided by ``permissions.can_handle_requests`` alone (``core.access.staff_page``): a visitor who
is not signed in is sent to the sign-in page; anyone signed in without the permission gets a 404. Being under
/staff/, they fall under the staff area's second-factor rule (accounts/mfa.py). Pages are never cached.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page

from .. import erasure_plan, selectors, services
from ..forms import DecisionForm, StaffExportForm
from ..models import ErasureRequest
from ..permissions import can_handle_requests
from .person import zip_response


def _index(request, *, export_form=None, status=200):
    return render(request, "privacy/staff/index.html", {
        "pending": list(selectors.pending_erasure_requests()),
        "decided": selectors.decided_erasure_requests(),
        "export_form": export_form or StaffExportForm(),
    }, status=status)


@staff_page(can_handle_requests)
@require_GET
def index(request):
    return _index(request)


@staff_page(can_handle_requests)
@require_POST
def export(request):
    form = StaffExportForm(request.POST)
    if form.is_valid():
        subject = selectors.subject_for_email(form.cleaned_data["email"])
        if subject is None:
            form.add_error("email", "We hold nothing under this address: no account and no contact message uses it.")
        else:
            content = services.export_personal_data(subject=subject, actor=request.user, by="staff")
            return zip_response(content, f"personal-data-{timezone.localdate():%Y-%m-%d}.zip")
    return _index(request, export_form=form)


@staff_page(can_handle_requests)
@require_http_methods(["GET", "POST"])
def erasure(request, pk: int):
    erasure_request = get_object_or_404(ErasureRequest.objects.select_related("user", "decided_by"), pk=pk)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and erasure_request.state == ErasureRequest.State.PENDING and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.decide_erasure(request=erasure_request, approve=approve, note=form.cleaned_data["note"],
                                    actor=request.user)
        except services.PrivacyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The person's data is erased." if approve else "The request is refused.")
            return redirect("staff_privacy:erasure", pk=erasure_request.pk)
    pending = erasure_request.state == ErasureRequest.State.PENDING
    return render(request, "privacy/staff/erasure.html", {
        "erasure_request": erasure_request,
        "pending": pending,
        "own": erasure_request.user_id == request.user.pk,
        # the same plan that approval executes: every row it changes, per kind
        "plan": erasure_plan.describe(erasure_plan.plan_erasure(erasure_request.user)) if pending else None,
        "form": form,
    })
