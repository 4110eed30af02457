"""The participant's signals (/me/signals/): the log, capture, one signal (triage, comments, votes, links,
promotion), the 2 × 2, import and export. Every signal is reached through ``campus.radars.sharing``."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.cohort.access import participant_page
from campus.radars import sharing

from .. import matrix, permissions, promotions, selectors, services, states, transfer
from ..forms import CaptureForm, CommentForm, ImportForm, LinkForm, PromoteForm, ShareForm, SignalForm
from ..models import Signal, Steep


def _signal(request, pk, *, edit=False) -> Signal:
    signal = selectors.signal_by_pk(pk)
    allowed = permissions.can_edit if edit else permissions.can_view
    if signal is None or not allowed(request.user, signal):
        raise Http404("No such signal.")
    return signal


@require_GET
@participant_page
def signal_list(request):
    state = request.GET.get("state", "") if request.GET.get("state") in dict(states.CHOICES) else ""
    steep = request.GET.get("steep", "") if request.GET.get("steep") in Steep.values else ""
    return render(request, "scanning/list.html", {
        "signals": list(selectors.signals_for(request.user, state=state, steep=steep)),
        "state_choices": states.CHOICES, "steep_choices": Steep.choices, "state": state, "steep": steep})


@require_http_methods(["GET", "POST"])
@participant_page
def signal_new(request):
    form = CaptureForm(request.POST or None, groups=selectors.groups_of(request.user))
    error = ""
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        owner_kind, group = data.pop("owner_kind"), data.pop("group", None)
        try:
            signal = services.create_signal(actor=request.user, edition=request.participant.edition,
                                            owner_kind=owner_kind, group=group, **data)
        except services.ScanningError as exc:
            error = str(exc)
        else:
            messages.success(request, "Signal captured.")
            return redirect("scanning:detail", pk=signal.pk)
    return render(request, "scanning/form.html", {"form": form, "error": error, "signal": None,
                                                  "fields": form.signal_fields()})


@require_http_methods(["GET", "POST"])
@participant_page
def signal_edit(request, pk: int):
    signal = _signal(request, pk, edit=True)
    form = SignalForm(request.POST or None, instance=signal)
    if request.method == "POST" and form.is_valid():
        services.update_signal(signal=signal, actor=request.user, **form.cleaned_data)
        messages.success(request, "Signal saved.")
        return redirect("scanning:detail", pk=signal.pk)
    return render(request, "scanning/form.html", {"form": form, "error": "", "signal": signal, "fields": list(form)})


@require_GET
@participant_page
def signal_detail(request, pk: int):
    signal = _signal(request, pk)
    editable = permissions.can_edit(request.user, signal)
    others = list(selectors.editable_others(request.user, signal)[:200])
    context = {
        "signal": signal, "editable": editable, "owner": sharing.owner_label(signal),
        "next_states": sorted(states.ALLOWED.get(signal.state, ())), "state_labels": dict(states.CHOICES),
        "comment_form": CommentForm(), "link_form": LinkForm(others=others) if editable and others else None,
        "promote_form": PromoteForm(radars=list(selectors.radars_to_promote_to(request.user)),
                                    initial={"name": signal.title}) if editable else None,
        "promotions": promotions.links_for(signal) if editable else [],
        **selectors.signal_detail(request.user, signal),
    }
    return render(request, "scanning/detail.html", context)


@require_POST
@participant_page
def signal_triage(request, pk: int):
    signal = _signal(request, pk, edit=True)
    try:
        services.triage(signal=signal, actor=request.user, to=request.POST.get("to", ""))
    except services.ScanningError as exc:
        messages.error(request, str(exc))
    return redirect("scanning:detail", pk=signal.pk)


@require_POST
@participant_page
def signal_comment(request, pk: int):
    signal = _signal(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment(signal=signal, actor=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Comment added.")
    else:
        messages.error(request, "Write a comment first.")
    return redirect("scanning:detail", pk=signal.pk)


@require_POST
@participant_page
def signal_vote(request, pk: int):
    signal = _signal(request, pk)
    services.toggle_vote(signal=signal, actor=request.user)
    return redirect("scanning:detail", pk=signal.pk)


@require_POST
@participant_page
def signal_link(request, pk: int):
    signal = _signal(request, pk, edit=True)
    form = LinkForm(request.POST, others=list(selectors.editable_others(request.user, signal)))
    if form.is_valid():
        services.link(source=signal, target=form.others[form.cleaned_data["target"]], actor=request.user,
                      kind=form.cleaned_data["kind"])
        messages.success(request, "Link added.")
    else:
        messages.error(request, "Choose a signal to link.")
    return redirect("scanning:detail", pk=signal.pk)


@require_POST
@participant_page
def signal_promote(request, pk: int):
    signal = _signal(request, pk, edit=True)
    form = PromoteForm(request.POST, radars=list(selectors.radars_to_promote_to(request.user)))
    if not form.is_valid():
        messages.error(request, "Choose a radar, quadrant and ring, and name the item.")
        return redirect("scanning:detail", pk=signal.pk)
    radar, quadrant, ring = form.place()
    try:
        blip = services.promote_to_radar(signal=signal, actor=request.user, radar=radar, quadrant=quadrant, ring=ring,
                                         name=form.cleaned_data["name"],
                                         origin_url=reverse("scanning:detail", args=[signal.pk]))
    except services.ScanningError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{blip.item.name}” is on {radar.title}, draft edition {blip.edition.name}.")
    return redirect("scanning:detail", pk=signal.pk)


@require_http_methods(["GET", "POST"])
@participant_page
def signal_sharing(request, pk: int):
    """Who sees the signal (private, a coaching group, the cohort) and its public read-only link."""
    signal = _signal(request, pk, edit=True)
    groups = selectors.groups_of(request.user)
    form = ShareForm(request.POST or None, groups=groups,
                     initial={"visibility": signal.visibility, "group": signal.group_id or ""})
    action = request.POST.get("action", "")
    if request.method == "POST" and action in ("open_link", "revoke_link"):
        if action == "open_link":
            services.open_public_link(signal=signal, actor=request.user)
            messages.warning(request, "The public link is made. Anyone who has it can read the signal.")
        else:
            services.revoke_public_link(signal=signal, actor=request.user)
            messages.success(request, "The public link is revoked: it no longer opens the signal.")
        return redirect("scanning:sharing", pk=signal.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.share_signal(signal=signal, actor=request.user, visibility=form.cleaned_data["visibility"],
                                  group=form.cleaned_data["group_obj"])
        except services.ScanningError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Who can see the signal is saved.")
            return redirect("scanning:sharing", pk=signal.pk)
    public_url = (request.build_absolute_uri(reverse("signals_public:signal", args=[signal.public_token]))
                  if signal.public_token else "")
    return render(request, "scanning/sharing.html", {
        "signal": signal, "form": form, "public_url": public_url, "warning": sharing.PUBLIC_LINK_WARNING,
        "owner": sharing.owner_label(signal)})


@require_GET
@participant_page
def signal_matrix(request):
    signals = selectors.unarchived_signals_for(request.user)
    placed = matrix.points(signals)
    return render(request, "scanning/matrix.html", {"placed": placed, "svg": matrix.svg(placed)})


@require_http_methods(["GET", "POST"])
@participant_page
def signal_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        taken, refused = transfer.read(upload.read(), upload.name)
        made = services.import_signals(actor=request.user, edition=request.participant.edition, rows=taken)
        report = {"made": made, "refused": refused}
    return render(request, "scanning/import.html", {"form": form, "report": report})


@require_GET
@participant_page
def signal_export(request, fmt: str):
    signals = list(selectors.signals_for(request.user))
    if fmt == "json":
        response = HttpResponse(transfer.to_json(signals), content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse("\ufeff" + transfer.to_csv(signals), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="signals.{fmt}"'
    return response
