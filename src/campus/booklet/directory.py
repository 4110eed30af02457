"""The booklet's details in the cohort directory (core.plugins.directory): for each fellow participant who
shares their profile with the participants of the edition ("participants" or "public"), the booklet's role,
organisation, cluster, country and sector, their photo and a link to their profile in the cohort's booklet.
Nobody's choice "nobody" adds nothing. One query however many."""

from django.urls import reverse

from campus.core.plugins.directory import Details

from . import selectors
from .views.common import profile_context


def directory_details(viewer, participants) -> dict:
    ids = [p.pk for p in participants]
    if not ids:
        return {}
    shared = selectors.published_profiles(viewer.edition_id, "participants").filter(participant_id__in=ids)
    found = {}
    for profile in shared:
        context = profile_context(profile)
        found[profile.participant_id] = Details(
            replaces={"organisation": profile.organisation, "cluster": profile.cluster_name,
                      "country": context["country_name"], "sector": context["sector_label"]},
            fields=(("Role", profile.role),) if profile.role else (),
            image_url=reverse("booklet_me:cohort_photo", args=[profile.pk]) if profile.photo else "",
            link_url=reverse("booklet_me:cohort_profile", args=[profile.pk]),
            link_label=f"Booklet profile of {profile.display_name}",
        )
    return found
