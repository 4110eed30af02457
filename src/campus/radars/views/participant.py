"""The participant's radar pages under /me/radars/: the radars they may see, a new radar, one radar (the list by
quadrant and ring with the picture), its settings, editions, blips, an item's timeline, sharing.
A radar the person may not see answers 404; one they may see but not edit answers 404 on every editing URL."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.cohort.access import participant_page

from .. import selectors, services, sharing
from ..forms import BlipForm, EditionForm, QuadrantForm, RadarDetailsForm, RadarForm, RingForm, SharingForm
from ..models import Blip, RadarEdition
from .common import radar_context, radar_or_404


class _FormList(forms.BaseFormSet):
    """Several forms of one <form> element, for the shared error summary (``{% form_top %}`` reads formsets)."""

    def __init__(self, items):  # noqa: D107 - no formset machinery: just the forms
        self._items = items

    @property
    def forms(self):
        return self._items

    @property
    def is_bound(self):
        return any(f.is_bound for f in self._items)

    def is_valid(self):
        return all([f.is_valid() for f in self._items])


def _groups(user):
    return selectors.groups_of(user)


def _radar_url(radar, edition=None) -> str:
    url = reverse("radars:radar", args=[radar.pk])
    return f"{url}?edition={edition.pk}" if edition else url


@require_http_methods(["GET", "POST"])
@participant_page
def home(request):
    groups = _groups(request.user)
    form = RadarForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        group = next((g for g in groups if g.pk == data.get("group")), None)
        try:
            radar = services.create_radar(actor=request.user, edition=request.participant.edition,
                                          title=data["title"], description=data["description"],
                                          owner_kind=data["owner_kind"], group=group)
        except services.RadarError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The radar is made, with a first draft edition. Add its blips.")
            return redirect(_radar_url(radar))
    radars = list(selectors.radars_for(request.user))
    for radar in radars:
        radar.owner_text = sharing.owner_label(radar)
    return render(request, "radars/home.html", {"radars": radars, "form": form})


@require_GET
@participant_page
def radar(request, pk: int):
    radar = radar_or_404(request.user, pk)
    context = radar_context(radar, request.GET)
    context["can_edit"] = sharing.can_edit(request.user, radar)
    return render(request, "radars/radar.html", context)


@require_http_methods(["GET", "POST"])
@participant_page
def settings(request, pk: int):
    radar = radar_or_404(request.user, pk, edit=True)
    quadrants, rings = list(radar.quadrants.all()), list(radar.rings.all())
    data = request.POST or None
    details = RadarDetailsForm(data, initial={"title": radar.title, "description": radar.description})
    qforms = [(q, QuadrantForm(data, prefix=f"q{q.position}", initial={"name": q.name, "description": q.description}))
              for q in quadrants]
    rforms = [(r, RingForm(data, prefix=f"r{r.position}", initial={
        "name": r.name, "description": r.description, "colour": r.colour})) for r in rings]
    for label, pairs in (("Quadrant", qforms), ("Ring", rforms)):
        for n, (_, form) in enumerate(pairs, start=1):
            form.summary_labels = {name: f"{label} {n}: {field.label}" for name, field in form.fields.items()}
    every = [details] + [f for _, f in qforms] + [f for _, f in rforms]
    if request.method == "POST" and all([f.is_valid() for f in every]):
        services.update_radar(radar=radar, actor=request.user, **details.cleaned_data)
        for quadrant, form in qforms:
            services.update_quadrant(quadrant=quadrant, actor=request.user, **form.cleaned_data)
        for ring, form in rforms:
            services.update_ring(ring=ring, actor=request.user, **form.cleaned_data)
        messages.success(request, "The radar's settings are saved.")
        return redirect(_radar_url(radar))
    return render(request, "radars/settings.html", {
        "radar": radar, "form": details, "qforms": qforms, "rforms": rforms, "all_forms": _FormList(every)})


@require_POST
@participant_page
def delete(request, pk: int):
    radar = radar_or_404(request.user, pk, edit=True)
    services.delete_radar(radar=radar, actor=request.user)
    messages.success(request, f"The radar “{radar.title}” is deleted.")
    return redirect("radars:home")


@require_http_methods(["GET", "POST"])
@participant_page
def editions(request, pk: int):
    radar = radar_or_404(request.user, pk, edit=True)
    form = EditionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.new_draft(radar=radar, actor=request.user, name=form.cleaned_data["name"])
        except services.RadarError as error:
            form.add_error("name" if "called" in str(error) else None, str(error))
        else:
            messages.success(request, f"The draft edition “{draft.name}” holds a copy of the newest edition.")
            return redirect(_radar_url(radar, draft))
    return render(request, "radars/editions.html", {
        "radar": radar, "editions": selectors.editions_of(radar), "form": form})


def _edition(radar, edition_id) -> RadarEdition:
    edition = selectors.edition_of(radar, edition_id)
    if edition is None:
        raise Http404("No such edition.")
    return edition


@require_POST
@participant_page
def publish(request, pk: int, edition_id: int):
    radar = radar_or_404(request.user, pk, edit=True)
    edition = _edition(radar, edition_id)
    try:
        services.publish(edition=edition, actor=request.user)
    except services.RadarError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The edition “{edition.name}” is published.")
    return redirect(_radar_url(radar, edition))


def _blip_form_page(request, radar, edition, form, blip=None):
    return render(request, "radars/blip_form.html", {"radar": radar, "edition": edition, "form": form,
                                                     "blip": blip})


@require_http_methods(["GET", "POST"])
@participant_page
def blip_add(request, pk: int, edition_id: int):
    radar = radar_or_404(request.user, pk, edit=True)
    edition = _edition(radar, edition_id)
    if not edition.is_draft:
        raise Http404("A published edition does not change.")
    form = BlipForm(request.POST or None, quadrants=radar.quadrants.all(), rings=radar.rings.all())
    if request.method == "POST" and form.is_valid():
        try:
            services.add_blip(edition=edition, actor=request.user, **form.cleaned_data)
        except services.RadarError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"“{form.cleaned_data['name']}” is on the edition “{edition.name}”.")
            return redirect(_radar_url(radar, edition))
    return _blip_form_page(request, radar, edition, form)


def _blip(radar, blip_id) -> Blip:
    blip = selectors.blip_of(radar, blip_id)
    if blip is None or not blip.edition.is_draft:
        raise Http404("No such blip on a draft edition.")
    return blip


@require_http_methods(["GET", "POST"])
@participant_page
def blip_edit(request, pk: int, blip_id: int):
    radar = radar_or_404(request.user, pk, edit=True)
    blip = _blip(radar, blip_id)
    form = BlipForm(request.POST or None, quadrants=radar.quadrants.all(), rings=radar.rings.all(), fixed_name=True,
                    initial={"quadrant": blip.quadrant.position, "ring": blip.ring.position,
                             "rationale": blip.rationale})
    if request.method == "POST" and form.is_valid():
        services.update_blip(blip=blip, actor=request.user, **form.cleaned_data)
        messages.success(request, f"“{blip.item.name}” is saved.")
        return redirect(_radar_url(radar, blip.edition))
    return _blip_form_page(request, radar, blip.edition, form, blip)


@require_POST
@participant_page
def blip_remove(request, pk: int, blip_id: int):
    radar = radar_or_404(request.user, pk, edit=True)
    blip = _blip(radar, blip_id)
    services.remove_blip(blip=blip, actor=request.user)
    messages.success(request, f"“{blip.item.name}” is off the edition “{blip.edition.name}”; its history stays.")
    return redirect(_radar_url(radar, blip.edition))


@require_GET
@participant_page
def item(request, pk: int, item_id: int):
    radar = radar_or_404(request.user, pk)
    item = selectors.item_of(radar, item_id)
    if item is None:
        raise Http404("No such item.")
    return render(request, "radars/item.html", {"radar": radar, "item": item,
                                                "timeline": selectors.item_timeline(item)})


@require_http_methods(["GET", "POST"])
@participant_page
def sharing_page(request, pk: int):
    radar = radar_or_404(request.user, pk, edit=True)
    groups = _groups(request.user)
    form = SharingForm(request.POST or None, groups=groups,
                       initial={"visibility": radar.visibility, "group": radar.group_id})
    action = request.POST.get("action", "")
    if request.method == "POST" and action in ("open_link", "revoke_link"):
        if action == "open_link":
            services.open_public_link(radar=radar, actor=request.user)
            messages.warning(request, "The public link is made. Anyone who has it can read the radar.")
        else:
            services.revoke_public_link(radar=radar, actor=request.user)
            messages.success(request, "The public link is revoked: it no longer opens the radar.")
        return redirect("radars:sharing", pk=radar.pk)
    if request.method == "POST" and form.is_valid():
        group = next((g for g in groups if g.pk == form.cleaned_data.get("group")), None)
        try:
            services.share_radar(radar=radar, actor=request.user, visibility=form.cleaned_data["visibility"],
                                 group=group)
        except services.RadarError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Who can see the radar is saved.")
            return redirect("radars:sharing", pk=radar.pk)
    public_url = (request.build_absolute_uri(reverse("radars_public:radar", args=[radar.public_token]))
                  if radar.public_token else "")
    return render(request, "radars/sharing.html", {"radar": radar, "form": form, "public_url": public_url,
                                                   "warning": sharing.PUBLIC_LINK_WARNING,
                                                   "owner_label": sharing.owner_label(radar)})
