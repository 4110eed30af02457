"""The participant's booklet pages (/me/booklet/): edit the profile (with its photo), see it as others will,
choose who may see it (the wording shown, each choice recorded). A locked profile is read-only here."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from campus.cohort.access import participant_page

from .. import selectors, services
from ..forms import ConsentForm, ProfileForm
from .common import photo_response, profile_context


@require_http_methods(["GET", "POST"])
@participant_page
def edit(request):
    participant = request.participant
    profile = services.profile_for(participant=participant)
    locked = profile.is_locked
    form = None
    if not locked:
        form = ProfileForm(request.POST or None, request.FILES or None, instance=profile,
                           initial=None if request.method == "POST" else {"display_name": profile.display_name})
        if request.method == "POST" and form.is_valid():
            try:
                services.save_profile(profile=profile, data=form.profile_data(), actor=request.user,
                                      photo=form.photo, remove_photo=form.cleaned_data.get("remove_photo", False))
            except services.BookletError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Your booklet profile is saved.")
                return redirect("booklet_me:preview")
        if request.method == "POST":
            profile.refresh_from_db()
    elif request.method == "POST":
        messages.error(request, "Your booklet profile is locked for printing: nothing was changed.")
        return redirect("booklet_me:edit")
    return render(request, "booklet/participant/edit.html", {
        "participant": participant, "profile": profile, "form": form, "locked": locked,
        "level": selectors.current_level(profile), "completeness": selectors.completeness(profile),
    })


@require_GET
@participant_page
def preview(request):
    participant = request.participant
    profile = services.profile_for(participant=participant)
    level = selectors.current_level(profile)
    return render(request, "booklet/participant/preview.html", {
        **profile_context(profile), "participant": participant, "level": level,
        "level_label": dict(ConsentForm.base_fields["level"].choices).get(level, level),
        "completeness": selectors.completeness(profile), "public": selectors.is_published(participant.edition),
    })


@require_http_methods(["GET", "POST"])
@participant_page
def consent(request):
    participant = request.participant
    profile = services.profile_for(participant=participant)
    level = selectors.current_level(profile)
    form = ConsentForm(request.POST or None, initial={"level": level})
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["level"]
        if chosen != "nobody" and not profile.display_name:
            form.add_error("level", "Please write your name on your booklet profile first: it is what we show.")
        else:
            services.record_consent(profile=profile, level=chosen, actor=request.user)
            messages.success(request, {
                "public": "Your booklet profile is now public.",
                "participants": "Your booklet profile is now shown to the participants of your edition only.",
                "nobody": "Your booklet profile is now hidden: only the programme team sees it.",
            }[chosen])
            return redirect("booklet_me:consent")
    return render(request, "booklet/participant/consent.html", {
        "participant": participant, "profile": profile, "form": form, "level": level,
        "history": selectors.consent_history(profile),
    })


@require_GET
@participant_page
def photo(request):
    profile = selectors.profile_of(request.participant)
    if profile is None or not profile.photo:
        raise Http404("No photo.")
    return photo_response(request, profile, private=True)
