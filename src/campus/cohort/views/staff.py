"""The staff pages of the cohort (/staff/cohort/): the participants of an edition (list, CSV/XLSX export), its
module leads (assign, remove), its meetups' modes (switch with a note: participants are mailed) and the
onboarding text. Programme managers of the edition only (404 for anyone else signed in)."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.core.files import private_file_response
from campus.team.selectors import editions_managed_by

from .. import exports, selectors, services
from ..forms import MeetupModeForm, ModuleLeadForm, OnboardingForm
from ..permissions import edition_or_none, lead_role_or_none, manages_any_edition, meetup_or_none

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EDITION = {"edition": edition_or_none}


@require_GET
@staff_page(manages_any_edition)
def home(request):
    editions = editions_managed_by(request.user)
    counts = selectors.participant_counts([edition.pk for edition in editions])
    return render(request, "cohort/staff/home.html", {
        "editions": [(edition, counts.get(edition.pk, 0)) for edition in editions],
    })


@require_GET
@staff_page(manages_any_edition, load=EDITION)
def participants(request, edition):
    return render(request, "cohort/staff/participants.html", {
        "edition": edition, "rows": selectors.staff_rows(edition),
    })


@require_GET
@staff_page(manages_any_edition, load=EDITION)
def export(request, edition, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format.")
    content, count = exports.as_csv(edition) if fmt == "csv" else exports.as_xlsx(edition)
    services.record_export(edition=edition, fmt=fmt, count=count, actor=request.user)
    return private_file_response(io.BytesIO(content), download_name=exports.filename(edition, fmt),
                                 content_type=CONTENT_TYPES[fmt])


@require_http_methods(["GET", "POST"])
@staff_page(manages_any_edition, load=EDITION)
def leads(request, edition):
    form = ModuleLeadForm(request.POST if request.method == "POST" else None, modules=selectors.modules_of(edition))
    if request.method == "POST" and form.is_valid():
        try:
            services.assign_module_lead(module=form.cleaned_data["module"], user=form.cleaned_data["user"],
                                        actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{form.cleaned_data['user'].get_full_name()} leads module "
                                      f"{form.cleaned_data['module'].number} now.")
            return redirect("staff_cohort:leads", edition=edition.pk)
    rows = selectors.module_leads_of(edition)
    return render(request, "cohort/staff/leads.html", {"edition": edition, "form": form, "rows": rows})


@require_POST
@staff_page(manages_any_edition, load={"membership": lead_role_or_none})
def lead_remove(request, membership):
    edition_id = membership.edition_id
    services.remove_module_lead(membership=membership, actor=request.user)
    scope = f"module {membership.module.number}" if membership.module_id else "every module"
    messages.success(request, f"{membership.user.get_full_name()} no longer leads {scope}.")
    return redirect("staff_cohort:leads", edition=edition_id)


@require_GET
@staff_page(manages_any_edition, load=EDITION)
def meetups(request, edition):
    rows = [(meetup, services.when(meetup)) for meetup in selectors.meetups_of_edition(edition.pk)]
    return render(request, "cohort/staff/meetups.html", {"edition": edition, "rows": rows})


@require_http_methods(["GET", "POST"])
@staff_page(manages_any_edition, load={"meetup": meetup_or_none})
def meetup_mode(request, meetup):
    edition = meetup.module.edition
    form = MeetupModeForm(request.POST if request.method == "POST" else None,
                          initial={"mode": meetup.mode, "note": meetup.mode_note})
    if request.method == "POST" and form.is_valid():
        sent = services.switch_meetup_mode(meetup=meetup, mode=form.cleaned_data["mode"],
                                           note=form.cleaned_data["note"], actor=request.user)
        if sent is None:
            messages.info(request, f"Nothing changed: {meetup.title} was {meetup.mode_label.lower()} with this "
                                   "note already; nobody was mailed.")
        else:
            messages.success(request, f"{meetup.title} is {meetup.mode_label.lower()} now; "
                                      f"{sent} participant{'s' if sent != 1 else ''} mailed.")
        return redirect("staff_cohort:meetups", edition=edition.pk)
    return render(request, "cohort/staff/meetup_mode.html", {
        "edition": edition, "meetup": meetup, "when": services.when(meetup), "form": form,
        "participants": selectors.participant_count(edition),
    })


@require_http_methods(["GET", "POST"])
@staff_page(manages_any_edition, load=EDITION)
def onboarding(request, edition):
    current = selectors.onboarding_of(edition)
    form = OnboardingForm(request.POST if request.method == "POST" else None,
                          initial={"text": current.text if current else ""})
    if request.method == "POST" and form.is_valid():
        services.save_onboarding(edition=edition, text=form.cleaned_data["text"], actor=request.user)
        messages.success(request, "The onboarding text is saved.")
        return redirect("staff_cohort:onboarding", edition=edition.pk)
    return render(request, "cohort/staff/onboarding.html", {"edition": edition, "form": form})
