"""The staff pages of editions (/staff/editions/): the list, the clone form, its preview, "Create the draft", and
an edition's page (its conflicts now, with links to fix them; publish and unpublish). Programme team, superusers
and the programme managers of the editions concerned (404 for anyone else signed in)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page

from .. import selectors, services
from ..forms import CloneForm
from ..permissions import can_handle, section_predicate

handler_of_edition = staff_page(lambda user, edition_id: can_handle(user, edition_id),
                                load={"edition_id": selectors.edition_by_id})


@require_GET
@staff_page(section_predicate)
def home(request):
    rows = selectors.editions_for(request.user)
    return render(request, "editions/staff/home.html", {"rows": rows})


def _form(request, data=None):
    editions = [row.edition for row in selectors.editions_for(request.user)]
    initial = {}
    wanted = request.GET.get("source", "")
    if wanted.isdigit() and any(e.pk == int(wanted) for e in editions):
        initial["source"] = int(wanted)
    return CloneForm(data, editions=editions, initial=initial)


def _form_page(request, form, status=200):
    return render(request, "editions/staff/clone.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@staff_page(section_predicate)
def clone(request):
    """GET: the form. POST: the preview of what would be created, with the conflicts (nothing is written)."""
    form = _form(request, request.POST if request.method == "POST" else None)
    if request.method == "GET" or not form.is_valid() or "change" in request.POST:
        return _form_page(request, form)
    data = form.cleaned_data
    result = selectors.preview(data["source_edition"], form.shift, data["keys"])
    hidden = [(name, value) for name in CloneForm.base_fields for value in request.POST.getlist(name)]
    return render(request, "editions/staff/preview.html", {"form": form, "preview": result, "data": data,
                                                           "hidden": hidden})


@require_POST
@staff_page(section_predicate)
def create(request):
    form = _form(request, request.POST)
    if not form.is_valid():
        existing = selectors.cloned_with_token(request.POST.get("token", ""))
        if existing is not None and can_handle(request.user, existing):  # a second click: the slug is taken now
            return redirect("staff_editions:edition", existing.pk)
        return _form_page(request, form)
    data = form.cleaned_data
    try:
        done = services.clone_edition(source=data["source_edition"], name=data["name"], slug=data["slug"],
                                      shift=form.shift, parts=data["keys"], actor=request.user,
                                      token=data["token"])
    except services.EditionError as error:
        form.add_error(error.field, error.text)
        return _form_page(request, form)
    if done.created:
        messages.success(request, f"The draft {done.edition} is made. Nobody outside the team sees it until you "
                                  "publish it.")
    return redirect("staff_editions:edition", done.edition.pk)


def _edition_page(request, edition, *, error="", status=200):
    rows = selectors.draft_conflicts(edition)
    context = {"edition": edition, "conflicts": rows, "errors": [c for c, _ in rows if c.is_error],
               "warnings": [c for c, _ in rows if not c.is_error], "publish_error": error,
               "form_error": bool(error), "may_edit_content": request.user.has_perm("programme.change_edition"),
               "row": next((r for r in selectors.editions_for(request.user)
                                                       if r.edition.pk == edition.pk), None)}
    return render(request, "editions/staff/edition.html", context, status=status)


@require_GET
@handler_of_edition
def edition(request, edition_id):
    return _edition_page(request, edition_id)


@require_POST
@handler_of_edition
def publish(request, edition_id):
    edition = edition_id
    try:
        services.publish(edition=edition, actor=request.user, warnings_accepted=bool(request.POST.get("accept")))
    except services.EditionError as error:
        return _edition_page(request, edition, error=error.text)
    messages.success(request, f"{edition} is published: the public site shows it when it is the current edition.")
    return redirect("staff_editions:edition", edition.pk)


@require_POST
@handler_of_edition
def unpublish(request, edition_id):
    edition = edition_id
    services.unpublish(edition=edition, actor=request.user)
    messages.success(request, f"{edition} is a draft again: only the team sees it.")
    return redirect(reverse("staff_editions:edition", args=[edition.pk]))
