"""Staff pages of peer coaching under /staff/coaching/: the rounds of an edition, generating a round (preview,
then save), changing groups by hand, exports. Programme managers of the edition only (404 for anyone else
signed in; visitors sign in first). Staff see which sessions a group held and who took part, never the notes."""

import io

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.team.selectors import edition_chosen, editions_managed_by
from campus.core.files import private_file_response

from .. import exports, permissions, proposals, selectors, services
from ..forms import MoveForm, RoundForm

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _editions(request):
    editions = editions_managed_by(request.user)
    if not editions:
        raise Http404("No editions.")
    return editions


def _edition_or_404(request, edition_id):
    edition = edition_chosen(_editions(request), edition_id)
    if edition is None:
        raise Http404("No such edition.")
    return edition


def _round_or_404(request, pk):
    round_ = selectors.round_for_staff(pk, permissions.edition_ids_for_staff(request.user))
    if round_ is None:
        raise Http404("No such round.")
    return round_


@require_GET
@staff_page(permissions.staff_section)
def home(request):
    editions = _editions(request)
    wanted = request.GET.get("edition")
    edition = edition_chosen(editions, wanted)
    if edition is None:
        raise Http404("No such edition.")
    return render(request, "coaching/staff/home.html", {
        "editions": editions, "edition": edition, "rounds": selectors.rounds_of(edition),
        "cohort_size": selectors.cohort_size(edition),
    })


@require_http_methods(["GET", "POST"])
@staff_page(permissions.staff_section)
def round_new(request, edition_id: int):
    edition = _edition_or_404(request, edition_id)
    modules = selectors.modules_of(edition)
    existing = selectors.round_count(edition)
    form = RoundForm(request.POST or None, modules=modules,
                     initial={"title": f"Coaching round {existing + 1}", "seed": existing + 1})
    planned, changed = None, False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        already = selectors.round_of_proposal(edition, request.POST.get("key", "")[:64])
        if "save" in request.POST and already is not None:  # a double-clicked "Save": the round saved the first time
            messages.info(request, f"“{already.title}” was already saved.")
            return redirect("staff_coaching:round", already.pk)
        saving = "save" in request.POST
        planned = proposals.from_shape(edition, seed=data["seed"], shape=request.POST.get("groups", "")) if saving \
            else None
        if planned is not None and planned.proposal.groups:
            round_, created = services.save_round(
                edition=edition, title=data["title"], module=data["module"], seed=data["seed"],
                proposal_key=planned.key, groups=planned.proposal.groups, actor=request.user)
            messages.success(request, f"“{round_.title}” is saved with {len(planned.proposal.groups)} groups."
                             if created else f"“{round_.title}” was already saved.")
            return redirect("staff_coaching:round", round_.pk)
        planned = proposals.propose(edition, seed=data["seed"])
        if saving and not planned.proposal.groups:
            form.add_error(None, "The edition has no participants yet: there is nobody to put in groups.")
        elif saving:
            changed = True
    return render(request, "coaching/staff/round_new.html", {
        "edition": edition, "form": form, "planned": planned, "changed": changed,
        "shape": proposals.shape_of(planned) if planned is not None else "",
    })


def _round_page(request, round_, *, move_form=None, confirm=None, status=200):
    groups = selectors.groups_for_staff(round_)
    sectors = selectors.sectors_of([m.participant for g in groups for m in g.members.all()])
    for group in groups:
        for member in group.members.all():
            member.sector = sectors.get(member.participant_id, "")
    return render(request, "coaching/staff/round.html", {
        "round": round_, "edition": round_.edition, "groups": groups, "move_form": move_form,
        "confirm": confirm, "unassigned": selectors.unassigned(round_),
        "member_count": sum(len(g.members.all()) for g in groups),
        "session_count": sum(len(g.sessions.all()) for g in groups),
    }, status=status)


@require_GET
@staff_page(permissions.staff_section)
def round_detail(request, pk: int):
    return _round_page(request, _round_or_404(request, pk))


@require_POST
@staff_page(permissions.staff_section)
def move(request, pk: int):
    round_ = _round_or_404(request, pk)
    form = MoveForm(request.POST, groups=selectors.groups_of(round_))
    if form.is_valid():
        data = form.cleaned_data
        try:
            member = services.move_member(round_=round_, participant_id=data["participant"], to_group=data["to_group"],
                                          actor=request.user, confirmed=data["confirm"])
        except services.NeedsConfirmation as warning:
            return _round_page(request, round_, move_form=form, confirm={"message": str(warning), "form": form,
                                                         "participant": data["participant"],
                                                         "to_group": data["to_group"]})
        except services.CoachingError as error:
            form.add_error(None, str(error))
        else:
            name = selectors.name_of(member.participant)
            messages.success(request, f"{name} is now in group {data['to_group'].number}.")
            return redirect(reverse("staff_coaching:round", args=[round_.pk]) + f"#group-{data['to_group'].number}")
    return _round_page(request, round_, move_form=form)


@require_GET
@staff_page(permissions.staff_section)
def export(request, pk: int, fmt: str):
    round_ = _round_or_404(request, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format.")
    groups = selectors.groups_for_staff(round_)
    content, count = exports.as_csv(round_, groups) if fmt == "csv" else exports.as_xlsx(round_, groups)
    services.record_export(round_=round_, fmt=fmt, count=count, actor=request.user)
    return private_file_response(io.BytesIO(content), download_name=exports.filename(round_, fmt),
                                 content_type=CONTENT_TYPES[fmt])
