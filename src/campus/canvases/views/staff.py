"""The module leads' and managers' overview under /staff/canvases/: the canvases of the editions where they lead
modules or manage that are shared with the leads, a group or the cohort (or owned by a group or the cohort), and
each such canvas read-only with its comments and the comment form (a lead's comment is feedback, mailed to the
owners). A participant's private canvas is never listed nor opened (404)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from campus.core.access import staff_page
from campus.radars import sharing

from .. import permissions, selectors, services
from ..forms import CommentForm
from .common import canvas_context


@require_GET
@staff_page(permissions.staff_section)
def home(request):
    canvases = list(selectors.cohort_canvases(request.user))
    for canvas in canvases:
        canvas.owner_text = sharing.owner_label(canvas)
        canvas.audience = dict(services.Audience.CHOICES)[services.audience_of(canvas)]
    return render(request, "canvases/staff/home.html", {"canvases": canvases})


@require_http_methods(["GET", "POST"])
@staff_page(permissions.staff_section)
def canvas(request, pk: int):
    found = selectors.canvas(pk)
    if found is None or not permissions.seen_as_lead(request.user, found):
        raise Http404("No such canvas.")
    form = CommentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_comment(canvas=found, author=request.user, body=form.cleaned_data["body"])
        except services.CanvasError as error:
            form.add_error("body", str(error))
        else:
            messages.success(request, "Your feedback is posted; the owners are told by mail.")
            return redirect(reverse("staff_canvases:canvas", args=[found.pk]) + "#comments")
    context = canvas_context(request.user, found, comment_form=form, editable=False)
    context["owner_label"] = sharing.owner_label(found)
    return render(request, "canvases/staff/canvas.html", context, status=400 if form.errors else 200)
