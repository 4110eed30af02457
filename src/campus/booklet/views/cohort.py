"""The booklet of one's own cohort (/me/booklet/cohort/): the profiles fellow participants share with the
participants of their edition ("participants" or "public"), each with its page and photo. Participants of that
edition only."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from campus.cohort.access import participant_page

from .. import selectors
from .common import photo_response, profile_context


def _photo_url(profile):
    return reverse("booklet_me:cohort_photo", args=[profile.pk]) if profile.photo else ""


@require_GET
@participant_page
def listing(request):
    edition = request.participant.edition
    profiles = list(selectors.published_profiles(edition, "participants"))
    cards = [{**profile_context(p), "url": reverse("booklet_me:cohort_profile", args=[p.pk]),
              "photo_url": _photo_url(p)} for p in profiles]
    return render(request, "booklet/participant/cohort.html", {
        "participant": request.participant, "edition": edition, "cards": cards,
        "counts": selectors.profile_counts(edition, "participants"),
    })


def _shared(request, profile_id):
    found = selectors.published_profile(request.participant.edition, profile_id, "participants")
    if found is None:
        raise Http404("No such profile.")
    return found


@require_GET
@participant_page
def profile(request, profile_id):
    found = _shared(request, profile_id)
    return render(request, "booklet/participant/cohort_profile.html", {
        **profile_context(found), "participant": request.participant, "photo_url": _photo_url(found),
    })


@require_GET
@participant_page
def photo(request, profile_id):
    found = _shared(request, profile_id)
    if not found.photo:
        raise Http404("No photo.")
    return photo_response(request, found, private=True)
