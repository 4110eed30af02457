"""The staff pages of the booklet (/staff/booklet/): per edition the list of participants with their profile's
completeness, consent and lock; editing a profile for a participant (and recording consent they gave the team);
locks before printing (one or all); the edition's introduction and whether its public pages are shown.
The edition's programme managers only (404 for other signed-in people)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page

from .. import selectors, services
from ..forms import ConsentForm, ProfileForm, SettingsForm
from ..models import BookletSettings
from ..permissions import can_manage_booklet, edition_ids_for_staff, section_predicate
from .common import photo_response, profile_context


def _edition(edition_id):
    return selectors.edition_by_id(edition_id)


def _participant(participant_id):
    return selectors.participant_by_id(participant_id)


manager_of_edition = staff_page(lambda user, edition_id: can_manage_booklet(user, edition_id.pk),
                                load={"edition_id": _edition})
manager_of_participant = staff_page(lambda user, participant_id: can_manage_booklet(user, participant_id.edition_id),
                                    load={"participant_id": _participant})


def _to_edition(edition):
    return redirect(f"{reverse('staff_booklet:home')}?edition={edition.pk}")


@require_GET
@staff_page(section_predicate)
def home(request):
    editions = selectors.staff_editions(edition_ids_for_staff(request.user))
    wanted = request.GET.get("edition", "")
    if wanted:
        edition = next((e for e in editions if str(e.pk) == wanted), None)
        if edition is None:
            raise Http404("No such edition.")
    else:
        edition = editions[0] if editions else None
    context = {"editions": editions, "edition": edition}
    if edition is not None:
        rows = selectors.staff_profiles(edition)
        context.update(rows=rows, counts=selectors.profile_counts(edition),
                       locked=sum(1 for row in rows if row["profile"] and row["profile"].is_locked),
                       with_profile=sum(1 for row in rows if row["profile"]),
                       published=selectors.is_published(edition))
    return render(request, "booklet/staff/home.html", context)


@require_http_methods(["GET", "POST"])
@manager_of_edition
def edition_settings(request, edition_id):
    edition = edition_id
    instance = selectors.settings_of(edition) or BookletSettings(edition=edition)
    form = SettingsForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_settings(edition=edition, introduction=form.cleaned_data["introduction"],
                               published=form.cleaned_data["published"], actor=request.user)
        messages.success(request, "The booklet's settings are saved.")
        return _to_edition(edition)
    return render(request, "booklet/staff/settings.html", {"edition": edition, "form": form,
                                                           "counts": selectors.profile_counts(edition)})


@require_POST
@manager_of_edition
def lock_all(request, edition_id):
    edition = edition_id
    locked = request.POST.get("action") != "unlock"
    changed = services.set_lock(profiles=selectors.profiles_of_edition(edition),
                                locked=locked, actor=request.user)
    messages.success(request, f"{changed} profile{'s' if changed != 1 else ''} "
                              f"{'locked' if locked else 'unlocked'}.")
    return _to_edition(edition)


@require_http_methods(["GET", "POST"])
@manager_of_participant
def profile(request, participant_id):
    participant = participant_id
    found = services.profile_for(participant=participant)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=found)
    if request.method == "POST" and form.is_valid():
        services.save_profile(profile=found, data=form.profile_data(), actor=request.user, by_staff=True,
                              photo=form.photo, remove_photo=form.cleaned_data.get("remove_photo", False))
        messages.success(request, "The profile is saved.")
        return redirect("staff_booklet:profile", participant.pk)
    if request.method == "POST":
        found.refresh_from_db()
    return _profile_page(request, participant, found, form, ConsentForm(initial={"level": selectors.current_level(found)}))


def _profile_page(request, participant, found, form, consent_form):
    level = selectors.current_level(found)
    return render(request, "booklet/staff/profile.html", {
        **profile_context(found), "participant": participant, "edition": participant.edition, "form": form,
        "consent_form": consent_form, "level": level, "history": selectors.consent_history(found),
        "completeness": selectors.completeness(found),
        "photo_url": reverse("staff_booklet:photo", args=[participant.pk]) if found.photo else "",
    })


@require_POST
@manager_of_participant
def consent(request, participant_id):
    participant = participant_id
    found = services.profile_for(participant=participant)
    consent_form = ConsentForm(request.POST)
    if not consent_form.is_valid():
        return _profile_page(request, participant, found, ProfileForm(instance=found), consent_form)
    services.record_consent(profile=found, level=consent_form.cleaned_data["level"], actor=request.user,
                            by_staff=True)
    messages.success(request, "The participant's choice is recorded.")
    return redirect("staff_booklet:profile", participant.pk)


@require_POST
@manager_of_participant
def lock(request, participant_id):
    participant = participant_id
    found = services.profile_for(participant=participant)
    locked = request.POST.get("action") != "unlock"
    services.set_lock(profiles=[found], locked=locked, actor=request.user)
    messages.success(request, "The profile is locked." if locked else "The profile is unlocked.")
    return redirect("staff_booklet:profile", participant.pk)


@require_GET
@manager_of_participant
def photo(request, participant_id):
    found = selectors.profile_of(participant_id)
    if found is None or not found.photo:
        raise Http404("No photo.")
    return photo_response(request, found, private=True)
