"""Exports of a call: applications with answers, scores and decisions; all CVs as one zip (being built)."""

from django.http import Http404


def export(request, call, fmt):
    raise Http404("Not built yet.")


def cvs(request, call):
    raise Http404("Not built yet.")
