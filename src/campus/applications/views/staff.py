"""The staff back office for applications, under /staff/applications/.

Who gets in is decided by ``permissions`` alone: a visitor who is not signed in is sent to the sign-in
page (and back afterwards); anyone signed in without the role gets a 404 (nothing tells them what exists); staff who may
only view get a 403 from the managing actions. Views stay thin: forms validate, services change state,
selectors read. Pages are never cached (they hold personal data).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_countries import countries
from django.views.decorators.http import require_GET, require_POST

from campus.core.access import staff_page
from campus.core.plugins import application_page
from campus.programme import selectors as programme_selectors

from .. import exports, selectors, services
from ..models import Application
from ..permissions import can_manage_applications, can_view_applications
from ..staff_forms import ExtendDeadlineForm, FilterForm, MoreInformationForm, OverrideForm
from ..states import APPLICANT_LABELS

PAGE_SIZE = 50
REASON_LABELS = {"met": "Met", "not_met": "Not met", "unknown": "To be checked", "note": "Note"}
ACTIONS = {
    "applications.started": "Started the application",
    "applications.step_saved": "Saved a step",
    "applications.document_uploaded": "Uploaded a document",
    "applications.document_removed": "Removed a document",
    "applications.consent_given": "Accepted the privacy notice",
    "applications.submitted": "Submitted",
    "applications.withdrawn": "Withdrew the application",
    "applications.receipt_sent": "Receipt mailed",
    "applications.deadline_extended": "Extended the deadline",
    "applications.more_information_requested": "Requested more information",
    "applications.more_information_mailed": "Request for more information mailed",
    "applications.eligibility_overridden": "Overrode the eligibility",
    # the apps of review and admission write about the application too (their names, not their code)
    "review.assigned": "Assigned to a reviewer",
    "review.review_saved": "Review saved",
    "interviews.invited": "Invited to an interview",
    "interviews.invitation_cancelled": "Interview invitation cancelled",
    "interviews.booked": "Booked an interview slot",
    "admissions.decision_staged": "Decision staged (not yet visible to the applicant)",
    "admissions.decision_cleared": "Staged decision cleared",
    "admissions.offer_made": "Offer of a place released",
    "admissions.waitlisted": "Waitlist place released",
    "admissions.rejected": "Rejection released",
    "admissions.offer_accepted": "Accepted the offer",
    "admissions.offer_declined": "Declined the offer",
    "admissions.offer_expired": "The offer expired",
    "admissions.offer_withdrawn": "Offer withdrawn",
    "admissions.promotion_suggested": "Promotion from the waitlist suggested",
    "admissions.promoted": "Promoted from the waitlist",
    "admissions.promotion_dismissed": "Suggested promotion dismissed",
    "admissions.reminder_sent": "Reminder to reply sent",
    "admissions.letter_made": "Acceptance letter made",
}


# --- the list -----------------------------------------------------------------------------------


def _chosen_call(request, calls):
    """?call=<id> when given (404 when unknown), else the call applicants see now."""
    wanted = request.GET.get("call")
    if wanted:
        call = next((c for c in calls if str(c.pk) == wanted), None)
        if call is None:
            raise Http404("No such call.")
        return call
    programme = programme_selectors.request_programme(request)
    return selectors.current_call(programme_selectors.current_edition(programme))


def _filtered(request, calls):
    call = _chosen_call(request, calls)
    if call is None:
        return None, None, None
    hidden = application_page.list_concealment(request.user, call)  # blind review: no identities
    form = FilterForm(request.GET, countries=selectors.staff_countries(call), blind=hidden is not None)
    form.hidden_keys = hidden
    return call, form, selectors.staff_applications(call, identity=hidden is None, **form.filters())


def _row(application):
    effective = application.effective
    return {
        "application": application,
        "state_label": selectors.STAFF_STATE_LABELS.get(application.state, application.state),
        "eligibility": effective,
        "eligibility_label": selectors.ELIGIBILITY_LABELS.get(effective, effective),
        "overridden": bool(application.eligibility_override),
        "country": countries.name(application.country) if application.country else "",
        "documents": list(application.documents.all()),
    }


@require_GET
@staff_page(can_view_applications)
def application_list(request):
    calls = selectors.calls_for_staff()
    call, form, applications = _filtered(request, calls)
    if call is None:
        return render(request, "applications/staff/list.html", {"calls": calls, "call": None})
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "applications/staff/list.html",
        {
            "calls": calls,
            "call": call,
            "form": form,
            "filtered": any(form.filters().values()),
            "conceal": form.hidden_keys is not None,
            "counts": selectors.staff_counts(call),
            "page": page,
            "rows": [_row(application) for application in page.object_list],
            "nav_query": urlencode(selectors.list_query(call, form.filters())),
        },
    )


@require_GET
@staff_page(can_view_applications)
def export(request, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404("No such format.")
    calls = selectors.calls_for_staff()
    call, form, applications = _filtered(request, calls)
    if call is None:
        raise Http404("There is no call yet.")
    hidden = form.hidden_keys
    if fmt == "csv":
        content, content_type = exports.as_csv(call, applications, hidden=hidden), "text/csv; charset=utf-8"
    else:
        content = exports.as_xlsx(call, applications, hidden=hidden)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    services.record_export(
        call=call, fmt=fmt, count=len(applications) if isinstance(applications, list) else applications.count(),
        # the filters applied (validated), not the raw query: a NUL in it broke the log on PostgreSQL (a 500)
        filters={("q" if key == "search" else key): value for key, value in form.filters().items() if value},
        actor=request.user,
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(call, fmt)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- one application ----------------------------------------------------------------------------


def _application_or_404(pk: int) -> Application:
    application = selectors.application_for_staff(pk)
    if application is None:
        raise Http404("No such application.")
    return application


def _moment(value, zone):
    moment = parse_datetime(value) if isinstance(value, str) else None
    if moment is None or timezone.is_naive(moment):
        return value
    local = timezone.localtime(moment, zone)
    return f"{local.day} {local:%B %Y, %H:%M %Z}"


def _activity(application):
    zone = application.call.zone
    entries = []
    for entry in selectors.activity_of(application):
        data = entry.data or {}
        details = []
        if entry.action == "applications.deadline_extended":
            details.append(f"to {_moment(data.get('to'), zone)}")
        elif entry.action == "applications.eligibility_overridden":
            to = data.get("to") or ""
            details.append(selectors.ELIGIBILITY_LABELS.get(to, "override removed") if to else "override removed")
            if data.get("reason"):
                details.append(f"reason: {data['reason']}")
        elif data.get("step"):
            details.append(selectors.STEP_LABELS.get(data["step"], data["step"]))
        elif data.get("kind"):
            details.append(data["kind"].upper() if data["kind"] == "cv" else data["kind"])
        entries.append({
            "when": entry.created_at,
            "actor": entry.actor,
            "by_applicant": entry.actor_id is not None and entry.actor_id == application.applicant_id,
            "action": ACTIONS.get(entry.action, entry.action),
            "details": "; ".join(details),
        })
    return entries


def _came_from(request, application):
    """The list the person came from (its filters in the query string, validated): previous/next within it and
    the way back; without one, the call's whole list."""
    call = application.call
    identity = application_page.list_concealment(request.user, call) is None
    form = FilterForm(request.GET, countries=selectors.staff_countries(call))
    filters = form.filters() if request.GET.get("call") == str(call.pk) else {}
    query = selectors.list_query(call, filters)
    place = selectors.neighbours(call, filters, application.pk, page_size=PAGE_SIZE, identity=identity)
    if place is None and filters:  # the filters leave it out (it changed meanwhile): the whole list
        filters, query = {}, selectors.list_query(call, {})
        place = selectors.neighbours(call, filters, application.pk, page_size=PAGE_SIZE, identity=identity)
    back = {**query, "page": str(place["page"])} if place and place["page"] > 1 else query
    return {"place": place, "nav_query": urlencode(query), "back_query": urlencode(back),
            "filtered": bool(filters)}


def _render_detail(request, application, *, forms=None, status=200):
    call = application.call
    can_manage = can_manage_applications(request.user)
    forms = forms or {}
    parts = application_page.sections(request, application)
    conceal = any(part.conceal for part in parts)
    hidden_keys = set().union(*(part.conceal_keys for part in parts if part.conceal))
    context = {
        "application": application,
        "call": call,
        "state_label": selectors.STAFF_STATE_LABELS.get(application.state, application.state),
        "applicant_label": APPLICANT_LABELS.get(application.state, ""),
        "eligibility_label": selectors.ELIGIBILITY_LABELS.get(application.effective_eligibility, ""),
        "screening_label": selectors.ELIGIBILITY_LABELS.get(application.eligibility, ""),
        "reasons": [
            {**reason, "label": REASON_LABELS.get(reason.get("status"), reason.get("status", ""))}
            for reason in application.eligibility_reasons or []
        ],
        "sections": _answers(application, hidden_keys),
        "frozen": selectors.shows_snapshot(application),
        "documents_by_kind": {} if conceal else selectors.documents_of(application),
        "parts": parts,
        "conceal": conceal,
        **_came_from(request, application),
        "activity": _activity(application),
        "can_manage": can_manage,
        "failed": next(iter(forms), None),
        "country": countries.name(application.country) if application.country else "",
    }
    if can_manage:
        override_initial = {"status": application.eligibility_override} if application.eligibility_override else {}
        context["override_form"] = forms.get("override") or OverrideForm(initial=override_initial)
        context["extend_form"] = forms.get("extend") or ExtendDeadlineForm(
            application=application, initial={"until": application.deadline_extended_to}
        )
        context["info_form"] = forms.get("info") or MoreInformationForm(application=application)
        context["can_request"] = application.state == Application.State.SUBMITTED
    return render(request, "applications/staff/detail.html", context, status=status)


def _answers(application, hidden_keys):
    sections = selectors.staff_sections(application)
    if not hidden_keys:
        return sections
    return [{**section, "items": [item for item in section["items"] if item["key"] not in hidden_keys]}
            for section in sections]


@require_GET
@staff_page(can_view_applications)
def application_detail(request, pk: int):
    return _render_detail(request, _application_or_404(pk))


def _act(request, application, key, form, service, success):
    """Run ``service(form)`` when the form is valid; a refusal shows on the form, next to what was typed."""
    if form.is_valid():
        try:
            service(form.cleaned_data)
        except services.ApplicationError as error:
            form.add_error(None, str(error))
        except ValidationError as error:  # e.g. a state transition the machine does not allow
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect("staff_applications:detail", pk=application.pk)
    return _render_detail(request, application, forms={key: form})


@require_POST
@staff_page(can_view_applications)
@staff_page(can_manage_applications, denied=403)  # may view, may not change: 403
def override_eligibility(request, pk: int):
    application = _application_or_404(pk)
    form = OverrideForm(request.POST)
    return _act(
        request, application, "override", form,
        lambda data: services.override_eligibility(
            application=application, status=data["status"], reason=data["reason"], actor=request.user
        ),
        "The eligibility is recorded.",
    )


@require_POST
@staff_page(can_view_applications)
@staff_page(can_manage_applications, denied=403)  # may view, may not change: 403
def extend_deadline(request, pk: int):
    application = _application_or_404(pk)
    form = ExtendDeadlineForm(request.POST, application=application)
    return _act(
        request, application, "extend", form,
        lambda data: services.extend_deadline(application=application, until=data["until"], actor=request.user),
        "The deadline of this applicant is extended.",
    )


@require_POST
@staff_page(can_view_applications)
@staff_page(can_manage_applications, denied=403)  # may view, may not change: 403
def request_information(request, pk: int):
    application = _application_or_404(pk)
    form = MoreInformationForm(request.POST, application=application)
    return _act(
        request, application, "info", form,
        lambda data: services.request_more_information(
            application=application, message=data["message"], until=data["until"], actor=request.user
        ),
        "The applicant is asked for more information.",
    )
