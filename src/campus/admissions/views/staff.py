"""Staff pages of admissions, under /staff/admissions/: the calls, the ranking board of a call with bulk
staging, the release (with a confirmation page), suggested promotions and the admission settings.

Programme managers of the call's edition only (``permissions.can_manage_admissions``): a visitor who is
not signed in is sent to sign in; anyone signed in without the role gets a 404. Never cached.
"""


from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.core.http import local_path
from campus.team.permissions import Role, holds_any

from .. import selectors, services
from ..forms import BoardFilterForm, SettingsForm, StageForm
from ..models import Offer
from ..permissions import can_view_offer
from .access import manager_of_call

PAGE_SIZE = 100
COLUMNS = [  # (sort key, heading, further sort keys within the column: (key, words))
    ("reference", "Reference", ()), ("name", "Name", ()),
    ("score", "Score", (("review_mean", "weighted mean"), ("review_median", "median"))),
    ("n_reviews", "Reviews", (("spread", "spread"),)), ("interview", "Interview", (("interview_mean", "mean"),)),
    ("eligibility", "Eligibility", ()), ("country", "Country", ()), ("decision", "Decision", ()), ("offer", "Offer", ()),
]


def _columns(sort: str, order: str) -> list[dict]:
    """The board's columns, each with its sort links (one for the heading, one per further key)."""
    def link(key, words):
        current = key == sort
        return {"key": key, "words": words, "current": current,
                "aria": ("descending" if order == "desc" else "ascending") if current else "",
                "order": "asc" if current and order == "desc" else "desc"}

    columns = []
    for key, heading, more in COLUMNS:
        main, extra = link(key, heading), [link(k, words) for k, words in more]
        sorted_by = next((item for item in (main, *extra) if item["current"]), None)
        columns.append({**main, "heading": heading, "more": extra, "aria": sorted_by["aria"] if sorted_by else ""})
    return columns


def _board_url(call):
    return reverse("staff_admissions:board", args=[call.pk])


def _next(request, call):
    return local_path(request, request.POST.get("next", ""), _board_url(call))


@require_GET
@staff_page(holds_any(Role.MANAGER))
def home(request):
    calls = selectors.managed_calls(request.user)
    counts = selectors.call_counts(calls)
    return render(request, "admissions/staff/home.html",
                  {"rows": [(call, counts[call.pk]) for call in calls]})


@require_GET
@manager_of_call
def board(request, call):
    form = BoardFilterForm(request.GET or None, countries=selectors.board_countries(call),
                           questions=selectors.board_questions(call))
    values = form.values()
    rows = selectors.board_rows(call, filters=values)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    sort = values.get("sort") or "score"
    order = values.get("order") or ("asc" if sort in ("name", "reference", "country") else "desc")
    config = services.settings_for(call)
    free = services.free_places(call) if config.released_at else 0
    return render(request, "admissions/staff/board.html", {
        "call": call,
        "form": form,
        "filtered": any(values.get(k) for k in ("eligibility", "country", "decision", "offer", "disagreement", "question")),
        "page": page,
        "rows": page.object_list,
        "columns": _columns(sort, order),
        "counts": selectors.board_counts(call),
        "suggested": selectors.suggested_promotions(call),
        "free": free,
        "waiting": services.waiting(call).count() if config.released_at else 0,
        "next_up": list(services.waiting(call)[:free]) if free else [],
        "settings_form": SettingsForm(instance=config),
        "config": config,
        "interview_invite": _url_or_empty("staff_interviews:invite"),
        "assistant_url": reverse("staff_admissions:assistant", args=[call.pk]),
        "here": request.get_full_path(),
    })


def _url_or_empty(name, *args):
    from django.urls import NoReverseMatch

    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@require_POST
@manager_of_call
def stage(request, call):
    form = StageForm(request.POST, call=call)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_next(request, call))
    data = form.cleaned_data
    ids = data["application"]
    try:
        if data["action"] == "clear":
            from campus.applications.models import Application

            cleared = sum(services.clear_decision(application=a, actor=request.user)
                          for a in Application.objects.filter(pk__in=ids, call=call))
            messages.success(request, f"{cleared} staged decision{'s' if cleared != 1 else ''} removed.")
        else:
            changed = services.stage_decisions(
                call=call, decisions={pk: (data["action"], None) for pk in ids}, actor=request.user
            )
            messages.success(request, f"{changed} decision{'s' if changed != 1 else ''} staged "
                                      f"({data['action']}). Applicants see nothing until the release.")
    except services.AdmissionError as error:
        messages.error(request, str(error))
    return redirect(_next(request, call))


@require_http_methods(["GET", "POST"])
@manager_of_call
def release(request, call):
    if request.method == "POST":
        try:
            result = services.release(call=call, actor=request.user)
        except services.AdmissionError as error:
            messages.error(request, str(error))
            return redirect(_next(request, call))
        if not (result.offers or result.waitlisted or result.rejected):
            messages.info(request, "There were no staged decisions to release: nothing changed.")
        else:
            text = (f"Released: {result.offers} offers, {result.waitlisted} on the waitlist, {result.rejected} "
                    "not admitted. The mails are drafts in the outbox: preview and send them there.")
            if result.moved_to_waitlist:
                text += f" {result.moved_to_waitlist} admits went to the top of the waitlist: no place was left."
            messages.success(request, text)
        return redirect(_next(request, call))
    plan = services.release_plan(call)
    return render(request, "admissions/staff/release.html", {
        "call": call, "plan": plan, "free": max(plan.capacity - plan.live, 0),
        "waitlisted": len(plan.overflow) + len(plan.waitlist),
        "total": len(plan.admits) + len(plan.overflow) + len(plan.waitlist) + len(plan.rejects),
        "reply_days": services.settings_for(call).offer_reply_days,
        "outbox_url": _url_or_empty("staff_outbox:home"),
    })


@require_POST
@manager_of_call
def promotion(request, call, pk, action):
    offer = get_object_or_404(Offer, pk=pk, application__call=call)
    try:
        if action == "confirm":
            services.confirm_promotion(offer=offer, actor=request.user)
            messages.success(request, f"Promotion confirmed: {offer.application.reference} has an open offer; "
                                      "the mail is queued.")
        elif action == "dismiss":
            services.dismiss_promotion(offer=offer, actor=request.user)
            messages.success(request, f"Promotion of {offer.application.reference} dismissed.")
        else:
            raise Http404("No such action.")
    except services.AdmissionError as error:
        messages.error(request, str(error))
    return redirect(_next(request, call))


@require_POST
@manager_of_call
def fill(request, call):
    made = services.fill_free_places(call=call, actor=request.user)
    if made:
        messages.success(request, f"{made} free place{'s' if made != 1 else ''} offered to the next on the waitlist; "
                                  "the mails are queued.")
    else:
        messages.info(request, "No free place, or nobody waiting: nothing changed.")
    return redirect(_next(request, call))


@require_POST
@manager_of_call
def save_settings(request, call):
    config = services.settings_for(call)
    form = SettingsForm(request.POST, instance=config)
    if form.is_valid():
        services.save_settings(settings=form.save(commit=False), actor=request.user, changed=form.changed_data)
        messages.success(request, "Admission settings saved.")
        return redirect(_board_url(call) + "#settings")
    return render(request, "admissions/staff/settings.html", {"call": call, "settings_form": form})


@require_GET
@manager_of_call
def offer_letter(request, call, pk):
    """The offer letter of an offer of this call, for the managers (as the applicant got it)."""
    offer = Offer.objects.select_related("application").filter(pk=pk, application__call=call).first()
    if offer is None or not can_view_offer(request.user, offer) or offer.state not in (
            Offer.State.OPEN, Offer.State.ACCEPTED):
        raise Http404("No such letter.")
    from .applicant import letter_response

    return letter_response(services.ensure_letter(offer=offer))


@require_GET
@manager_of_call
def place_confirmation(request, call, pk):
    """The confirmation of the place of an accepted offer of this call, for the managers (as the applicant
    downloads it after accepting)."""
    offer = Offer.objects.select_related("application").filter(pk=pk, application__call=call).first()
    if offer is None or not can_view_offer(request.user, offer) or offer.state != Offer.State.ACCEPTED:
        raise Http404("No such confirmation.")
    from .applicant import pdf_response

    offer = services.ensure_confirmation(offer=offer)
    return pdf_response(offer.confirmation, f"place-confirmation-{offer.application.reference}.pdf")
