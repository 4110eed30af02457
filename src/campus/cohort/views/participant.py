"""The participant's door (/me/): the home with what is next (the blocks the apps register), the schedule with
the private calendar feed's address, and the cohort directory."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from campus.core.plugins import calendar
from campus.core.plugins import participant as area

from .. import schedule as grouping
from .. import selectors, services
from ..access import participant_page
from ..forms import ContactConsentForm


@require_GET
@participant_page
def home(request):
    participant = request.participant
    return render(request, "cohort/home.html", {
        "participant": participant,
        "edition": participant.edition,
        "blocks": area.blocks_for(request, participant),
    })


@require_GET
@participant_page
def schedule(request):
    participant = request.participant
    items = calendar.items_for(participant)
    feed_url = None
    if participant.feed_token:
        feed_url = request.build_absolute_uri(reverse("cohort:calendar_feed", args=[participant.feed_token]))
    return render(request, "cohort/schedule.html", {
        "participant": participant, "months": grouping.by_month(items), "feed_url": feed_url,
    })


@require_POST
@participant_page
def feed_new(request):
    replaced = bool(request.participant.feed_token)
    services.new_feed_token(participant=request.participant, actor=request.user)
    messages.success(request, "Your calendar has a new address: the old one no longer works."
                     if replaced else "Your private calendar address is ready.")
    return redirect(reverse("cohort:schedule:page") + "#feed")


@require_POST
@participant_page
def feed_revoke(request):
    services.revoke_feed_token(participant=request.participant, actor=request.user)
    messages.success(request, "Your calendar address no longer works. You may make a new one at any time.")
    return redirect(reverse("cohort:schedule:page") + "#feed")


def _directory(request, form, status=200):
    participant = request.participant
    return render(request, "cohort/directory.html", {
        "participant": participant, "entries": selectors.directory_of(participant), "form": form,
    }, status=status)


@require_GET
@participant_page
def directory(request):
    return _directory(request, ContactConsentForm(initial={"show_contact": request.participant.show_contact}))


@require_POST
@participant_page
def contact_consent(request):
    form = ContactConsentForm(request.POST)
    if not form.is_valid():
        return _directory(request, form)
    show = form.cleaned_data["show_contact"]
    services.set_contact_consent(participant=request.participant, show=show, actor=request.user)
    messages.success(request, "Fellow participants now see your e-mail address and phone number." if show
                     else "Your e-mail address and phone number are hidden from the directory.")
    return redirect("cohort:directory:page")
