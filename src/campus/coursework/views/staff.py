"""Staff pages of coursework (/staff/coursework/): the modules a person leads, their materials and assignments.
Managers of an edition lead every module of it; a module lead only the modules they lead. Anyone else signed in
gets a 404 (nothing tells them what exists); pages are never cached (``core.access.staff_page``)."""

import copy

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.core.files import private_file_response

from .. import permissions, selectors, services
from ..forms import AssignmentForm, MaterialForm
from ..models import Material

section = staff_page(permissions.can_use_section)


def _module(request, pk):
    module = selectors.module_for_staff(request.user, pk)
    if module is None:
        raise Http404("No such module.")
    return module


def _material(request, pk) -> Material:
    material = selectors.material_or_none(pk)
    if material is None or not permissions.can_lead(request.user, material.module):
        raise Http404("No such material.")
    return material


@require_GET
@section
def home(request):
    return render(request, "coursework/staff/home.html", {"modules": selectors.modules_for_staff(request.user)})


@require_GET
@section
def module(request, pk: int):
    found = _module(request, pk)
    return render(request, "coursework/staff/module.html", {
        "module": found, "materials": selectors.materials_of(found), "assignments": selectors.assignments_of(found),
    })


def _save_material(request, form, module, material=None):
    data = form.cleaned_data
    services.save_material(
        module=module, actor=request.user, material=material, title=data["title"], body=data["body"],
        link=data["link"], week=data["week"], published=data["published"], order=data["order"] or 0,
        upload=form.detected, remove_file=data.get("remove_file", False),
    )


@require_http_methods(["GET", "POST"])
@section
def material_new(request, pk: int):
    found = _module(request, pk)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _save_material(request, form, found)
        messages.success(request, "The material is saved.")
        return redirect("staff_coursework:module", pk=found.pk)
    return render(request, "coursework/staff/material_form.html", {"module": found, "form": form})


@require_http_methods(["GET", "POST"])
@section
def material_edit(request, pk: int):
    material = _material(request, pk)
    form = MaterialForm(request.POST or None, request.FILES or None, instance=material)
    if request.method == "POST" and form.is_valid():
        _save_material(request, form, material.module, material)
        messages.success(request, "The material is saved.")
        return redirect("staff_coursework:module", pk=material.module_id)
    return render(request, "coursework/staff/material_form.html",
                  {"module": material.module, "material": material, "form": form})


@require_POST
@section
def material_delete(request, pk: int):
    material = _material(request, pk)
    services.delete_material(material=material, actor=request.user)
    messages.success(request, "The material is deleted.")
    return redirect("staff_coursework:module", pk=material.module_id)


@require_GET
@section
def material_file(request, pk: int):
    material = _material(request, pk)
    if not material.file:
        raise Http404("No such file.")
    return private_file_response(material.file, download_name=material.file_name, content_type=material.content_type)


def _assignment_form(request, module, assignment=None):
    form = AssignmentForm(request.POST or None, module=module, instance=assignment)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.save_assignment(
                module=module, actor=request.user, assignment=assignment, title=data["title"], brief=data["brief"],
                due_at=data["due_at"], reopen=data["reopen"], max_attempts=data["max_attempts"],
                closed=data["closed"], published=data["published"],
                submission_kind=data.get("submission_kind") or "")
        except services.CourseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The assignment is saved.")
            return redirect("staff_coursework:submissions", pk=saved.pk)
    return render(request, "coursework/staff/assignment_form.html",
                  {"module": module, "assignment": assignment, "form": form})


@require_http_methods(["GET", "POST"])
@section
def assignment_new(request, pk: int):
    return _assignment_form(request, _module(request, pk))


@require_http_methods(["GET", "POST"])
@section
def assignment_edit(request, pk: int):
    assignment = selectors.assignment_for_staff(request.user, pk)
    if assignment is None:
        raise Http404("No such assignment.")
    # the form writes into its instance: a fresh copy keeps the page's heading unchanged on a refusal
    return _assignment_form(request, assignment.module, copy.copy(assignment))  # no second read
