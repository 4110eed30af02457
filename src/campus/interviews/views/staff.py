"""Staff pages of interviews under /staff/interviews/ (house style of campus.applications.views.staff):
visitors are sent to sign in; signed-in people without the interviewer or manager role of some edition get
a 404; an interviewer asking for a manager's action gets a 403; pages are never cached."""

from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.applications import selectors as application_selectors
from campus.applications.models import Application
from campus.applications.permissions import can_view_application
from campus.core.access import staff_page
from campus.core.http import local_path
from campus.team.permissions import Role, has_any_role, holds_any

from .. import permissions, selectors, services
from ..forms import AssessmentForm, InviteForm, SlotForm, SlotsForm
from ..models import Invitation


def _call_or_404(request, call_id):
    call = next((c for c in selectors.calls_for_staff(request.user) if str(c.pk) == str(call_id)), None)
    if call is None:
        raise Http404("No such call.")
    return call


def _slot_or_404(request, pk):
    slot = selectors.slot_for_panel(pk)
    if slot is None or not permissions.can_view_interviews(request.user, slot.call):
        raise Http404("No such slot.")
    return slot


def _manager_or_403(request, call):
    if not permissions.can_manage_interviews(request.user, call):
        raise PermissionDenied("Only a programme manager of this edition may do that.")


def _home_url(call):
    return f"{reverse('staff_interviews:home')}?call={call.pk}"


# --- the overview of a call ----------------------------------------------------------------------------


@require_GET
@staff_page(holds_any(Role.MANAGER, Role.INTERVIEWER))
def home(request):
    """The overview of a call; for someone whose editions have no call yet (the section is shown to every
    interviewer and manager), a page that says so instead of a 404."""
    if not request.GET.get("call") and not selectors.calls_for_staff(request.user):
        return render(request, "interviews/staff/no_calls.html",
                      {"editions": selectors.editions_for_staff(request.user)})
    return _overview(request, request.GET.get("call"), request.GET.get("state", ""))


def _overview(request, wanted, state="", invite_form=None):
    """The overview of a call; ``invite_form`` is a refused invite form shown again (answered with 200)."""
    calls = selectors.calls_for_staff(request.user)
    if not calls:
        raise Http404("No calls.")
    call = calls[0] if not wanted else next((c for c in calls if str(c.pk) == str(wanted)), None)
    if call is None:
        raise Http404("No such call.")
    can_manage = permissions.can_manage_interviews(request.user, call)
    slots = selectors.slots_of(call)
    invitations = selectors.invitations_of(call)
    states = selectors.states_by_application(call)
    invited_ids = {i.application_id for i in invitations if i.cancelled_at is None}
    uninvited = []
    if can_manage:
        uninvited = [a for a in Application.objects.filter(call=call, state=Application.State.SUBMITTED)
                     .order_by("full_name", "pk").only("pk", "full_name", "reference", "organisation")
                     if a.pk not in invited_ids]
    rows = [{"slot": slot, "can_assess": can_manage or permissions.is_on_panel(request.user, slot)} for slot in slots]
    listed = [{"invitation": i, "state": states.get(i.application_id, "cancelled")} for i in invitations]
    # ?state=invited|booked (the dashboard's links): those invitations only
    if state in selectors.STATE_LABELS:
        listed = [row for row in listed if row["state"] == state
                  and row["invitation"].application.state == Application.State.SUBMITTED]
    chosen = set()
    if invite_form is not None:
        chosen = {int(v) for v in invite_form.data.getlist("application") if str(v).isdigit()}
    return render(request, "interviews/staff/home.html", {
        "calls": calls, "call": call, "can_manage": can_manage, "rows": rows,
        "free_count": sum(1 for slot in slots if slot.booked_by_id is None),
        "invitations": listed, "state": selectors.STATE_LABELS.get(state, ""),
        "state_labels": {**selectors.STATE_LABELS, "cancelled": "Invitation cancelled"},
        "uninvited": uninvited, "invite_form": invite_form or InviteForm(), "chosen": chosen,
        # where the invite form leads back: this overview (also when it is shown again at the form's own URL)
        "here": _home_url(call) + (f"&state={state}" if state in selectors.STATE_LABELS else ""),
    })


# --- slots --------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.MANAGER, Role.INTERVIEWER))
def slot_new(request, call_id: int):
    call = _call_or_404(request, call_id)
    _manager_or_403(request, call)
    interviewers = selectors.interviewers_of(call)
    form = SlotsForm(request.POST or None, interviewers=interviewers, initial={"timezone": call.timezone})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.create_slots(
                call=call, first_start=data["starts_at"], length=data["length_delta"], count=data["count"],
                gap=data["gap_delta"], timezone_name=data["timezone"], online_link=data["online_link"],
                place=data["place"], panel=data["panel"], actor=request.user,
            )
        except services.InterviewError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{len(created)} interview slot{'s' if len(created) != 1 else ''} created.")
            return redirect(_home_url(call))
    return render(request, "interviews/staff/slot_form.html",
                  {"call": call, "form": form, "creating": True})


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.MANAGER, Role.INTERVIEWER))
def slot_edit(request, pk: int):
    slot = _slot_or_404(request, pk)
    _manager_or_403(request, slot.call)
    form = SlotForm(request.POST or None, instance=slot, interviewers=selectors.interviewers_of(slot.call))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_slot(slot=slot, actor=request.user, panel=data["panel"], starts_at=form.instance.starts_at,
                                 ends_at=form.instance.ends_at, timezone=data["timezone"],
                                 online_link=data["online_link"], place=data["place"])
        except services.InterviewError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The slot is changed.")
            return redirect(_home_url(slot.call))
    return render(request, "interviews/staff/slot_form.html",
                  {"call": slot.call, "slot": slot, "form": form, "creating": False})


@require_POST
@staff_page(holds_any(Role.MANAGER, Role.INTERVIEWER))
def slot_delete(request, pk: int):
    slot = _slot_or_404(request, pk)
    _manager_or_403(request, slot.call)
    try:
        services.delete_slot(slot=slot, actor=request.user)
    except services.InterviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The slot is deleted.")
    return redirect(_home_url(slot.call))


@require_POST
@staff_page(holds_any(Role.MANAGER, Role.INTERVIEWER))
def slot_cancel_booking(request, pk: int):
    slot = _slot_or_404(request, pk)
    _manager_or_403(request, slot.call)
    if slot.booked_by is None:
        messages.error(request, "Nobody has booked this slot.")
    else:
        services.cancel_booking(application=slot.booked_by, actor=request.user)
        messages.success(request, "The booking is cancelled; the applicant can book another time.")
    return redirect(_home_url(slot.call))


# --- the panel's page ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.MANAGER, Role.INTERVIEWER))
def slot_detail(request, pk: int):
    slot = _slot_or_404(request, pk)
    if not permissions.can_assess(request.user, slot):
        raise Http404("No such slot.")
    application = slot.booked_by
    context = {"slot": slot, "call": slot.call, "application": application,
               "can_manage": permissions.can_manage_interviews(request.user, slot.call)}
    status = 200
    if application is not None:
        criteria = selectors.interview_criteria(slot.call)
        mine = selectors.assessment_of(application, request.user)
        form = AssessmentForm(request.POST or None, criteria=criteria, review=mine)
        if request.method == "POST":
            if form.is_valid():
                data = form.cleaned_data
                try:
                    services.record_assessment(
                        slot=slot, panel_member=request.user, scores=form.scores(),
                        recommendation=data["recommendation"], comment_team=data["comment_team"],
                        comment_applicant=data["comment_applicant"],
                    )
                except services.InterviewError as error:
                    form.add_error(None, str(error))
                except ValidationError as error:  # a refusal of the review service (ReviewError)
                    form.add_error(None, error.messages)
                else:
                    messages.success(request, "Your assessment is saved.")
                    return redirect("staff_interviews:slot", pk=slot.pk)
        application.call = slot.call
        context.update({
            "form": form,
            "criteria": criteria,
            "sections": application_selectors.staff_sections(application),
            "documents_by_kind": application_selectors.documents_of(application)
            if can_view_application(request.user, application) else {},
            "assessments": selectors.assessments_of(application),
        })
    elif request.method == "POST":
        context["refused"] = "Nobody has booked this slot: there is nobody to assess."
        context["form_error"] = True
        status = 400  # not a refused form: there is no form to fill (nobody to assess), a request that cannot succeed
    return render(request, "interviews/staff/slot.html", context, status=status)


# --- invitations ---------------------------------------------------------------------------------------


def _next_url(request, value, fallback):
    return local_path(request, value, fallback)


@require_POST
@staff_page(holds_any(Role.MANAGER, Role.INTERVIEWER))
def invite(request):
    """Invite applications (ids in ``application``, several) and go back to ``next`` (a local URL)."""
    if not has_any_role(request.user, Role.MANAGER):
        raise PermissionDenied("Only a programme manager may invite.")
    form = InviteForm(request.POST)
    fallback = reverse("staff_interviews:home")
    if not form.is_valid():
        back = _next_url(request, request.POST.get("next", ""), fallback)
        if urlsplit(back).path == fallback:
            # the overview's own form: shown again with its error summary, the choices and the note kept
            query = parse_qs(urlsplit(back).query)
            return _overview(request, request.POST.get("call") or query.get("call", [""])[0],
                             query.get("state", [""])[0], invite_form=form)
        for errors in form.errors.values():  # another page's button (the board): its messages say why
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    wanted = set(data["application"])
    applications = list(Application.objects.filter(pk__in=wanted).select_related("call__edition"))
    allowed = [a for a in applications if permissions.can_manage_interviews(request.user, a.call)]
    if not allowed and applications and all(
        permissions.can_view_interviews(request.user, a.call) for a in applications
    ):
        raise PermissionDenied("Only a programme manager of this edition may invite.")
    unknown = len(wanted) - len(allowed)
    if allowed:
        fallback = _home_url(allowed[0].call)
    result = services.invite(applications=allowed, actor=request.user, message=data["message"])
    parts = []
    if result["invited"]:
        parts.append(f"{len(result['invited'])} invited")
    if result["already"]:
        parts.append(f"{len(result['already'])} invited already (nothing changed)")
    if result["skipped"]:
        parts.append(f"{len(result['skipped'])} not invited: not submitted")
    if unknown:
        parts.append(f"{unknown} not found")
    level = messages.success if result["invited"] else messages.warning
    level(request, "; ".join(parts).capitalize() + ".")
    return redirect(_next_url(request, data["next"], fallback))


@require_POST
@staff_page(holds_any(Role.MANAGER, Role.INTERVIEWER))
def cancel_invitation(request, pk: int):
    invitation = Invitation.objects.select_related("application__call__edition").filter(pk=pk).first()
    if invitation is None or not permissions.can_view_interviews(request.user, invitation.application.call):
        raise Http404("No such invitation.")
    call = invitation.application.call
    _manager_or_403(request, call)
    services.cancel_invitation(invitation=invitation, actor=request.user)
    messages.success(request, "The invitation is cancelled (a booked time is freed).")
    return redirect(_home_url(call))
