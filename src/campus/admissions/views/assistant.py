"""The selection assistant: a proposal of admits and a ranked waitlist for a call, with a reason for everyone,
which a programme manager may change and accept (accepting stages the decisions; nothing is released here).

Managers of the call's edition only: anyone else signed in gets a 404, visitors are sent to sign in. The
constraints come from the call's admission settings and may be tried out through GET parameters without
saving them. Query count: fixed, whatever the number of applications (tests pin it).
"""


from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_http_methods
from django_countries import countries

from campus.applications import selectors as application_selectors
from campus.applications.models import Application
from campus.review import ranking

from .. import selection, services
from ..forms import RULE_LABELS, max_per_country_field, min_score_field
from ..models import AdmissionSettings, Decision
from .access import manager_of_call

OUTCOME_CHOICES = [("admit", "Admit"), ("waitlist", "Waitlist"), ("reject", "Reject"), ("", "No decision")]


class ConstraintsForm(forms.Form):
    """The rules of the proposal, tried out through GET parameters (nothing is saved)."""

    one_per_country = forms.BooleanField(required=False, label=RULE_LABELS["one_per_country"])
    max_per_country = max_per_country_field()
    min_score = min_score_field()
    exclude_no = forms.BooleanField(required=False, label=RULE_LABELS["exclude_no"])
    applied = forms.CharField(required=False, widget=forms.HiddenInput)


RULES = ("one_per_country", "max_per_country", "min_score", "exclude_no")


def _constraints(call, source):
    """(form, rules): the rules stored in the call's settings, or what the manager tries out."""
    stored = AdmissionSettings.objects.filter(call=call).only(*RULES).first() or AdmissionSettings(call=call)
    rules = {name: getattr(stored, name) for name in RULES}
    if source.get("applied"):
        form = ConstraintsForm(source)
        if form.is_valid():
            return form, {name: form.cleaned_data[name] for name in RULES}
        return form, rules  # the stored rules until the typed ones are valid; the error shows on the form
    return ConstraintsForm(initial={**rules, "applied": "1"}), rules


def _country(code: str) -> str:
    return (countries.name(code) or code) if code else "an unknown country"


def _candidates(rank_rows):
    result = []
    for row in rank_rows:
        application = row.application
        effective = application.effective_eligibility
        result.append(selection.Candidate(
            application_id=application.pk,
            score=row.score,
            country=application.country or "",
            eligible=effective == Application.Eligibility.ELIGIBLE,
            label=f"{application.reference} {application.full_name}".strip(),
            eligibility=application_selectors.ELIGIBILITY_LABELS.get(effective, effective).lower()
            if effective != Application.Eligibility.NOT_ELIGIBLE else "",
            recommended_no=row.recommendations.get("no", 0) > 0,
        ))
    return result


def _board_url(call) -> str:
    for kwargs in ({"call": call.pk}, {}):
        try:
            return reverse("staff_admissions:board", kwargs=kwargs)
        except NoReverseMatch:
            continue
    return reverse("staff_admissions:assistant", kwargs={"call": call.pk})


def _score_key(row):
    score = row["score"]
    return (score is None, -(score or 0), row["application"].pk)


def _context(call, source):
    form, rules = _constraints(call, source)
    one_per_country, max_per_country = rules["one_per_country"], rules["max_per_country"]
    rank_rows = {row.application.pk: row for row in ranking.rows(call)}
    capacity = call.edition.capacity
    required = selection.required_countries(application_selectors.requirements_of(call)) if one_per_country else set()
    min_score = float(rules["min_score"]) if rules["min_score"] is not None else None
    proposal = selection.propose(
        _candidates(rank_rows.values()), capacity=capacity, required_countries=required,
        max_per_country=max_per_country, min_score=min_score, exclude_no=rules["exclude_no"], country_name=_country,
    )
    decisions = {d.application_id: d for d in Decision.objects.filter(application__call=call)}
    groups = {"admit": [], "waitlist": [], "rest": []}
    for placement in proposal.placements:
        candidate = placement.candidate
        row = rank_rows[candidate.application_id]
        decision = decisions.get(candidate.application_id)
        if placement.outcome in ("admit", "waitlist"):
            default = placement.outcome
        elif candidate.eligible and candidate.score is None:  # not reviewed yet: what is staged, else nothing
            default = decision.outcome if decision is not None else ""
        else:  # not proposed: rejected
            default = "reject"
        groups[placement.outcome if placement.outcome in groups else "rest"].append({
            "placement": placement,
            "application": row.application,
            "score": row.score,
            "n_reviews": row.n_reviews,
            "country": countries.name(candidate.country) if candidate.country else "",
            "decision": decision,
            "released": decision is not None and decision.released_at is not None,
            "choice": default,
            "field": f"outcome-{candidate.application_id}",
            "rank_field": f"rank-{candidate.application_id}",
            "rank_value": str(placement.rank) if placement.outcome == "waitlist" else "",
        })
    return {
        "call": call,
        "form": form,
        "proposal": proposal,
        "capacity": capacity,
        "one_per_country": one_per_country,
        "max_per_country": max_per_country,
        "min_score": rules["min_score"],
        "exclude_no": rules["exclude_no"],
        "required": sorted((_country(code) for code in required)),
        "covered": [_country(code) for code in proposal.covered],
        "groups": groups,
        "choices": OUTCOME_CHOICES,
        "n_released": sum(1 for d in decisions.values() if d.released_at is not None),
    }


@require_http_methods(["GET", "POST"])
@manager_of_call
def assistant(request, call):
    if request.method == "GET":
        return render(request, "admissions/assistant.html", _context(call, request.GET))

    # accept the (possibly changed) proposal: the constraints come back as hidden fields
    context = _context(call, request.POST)
    rows = [row for group in context["groups"].values() for row in group]
    chosen, typed_ranks, bad, bad_rank = {}, {}, False, False
    for row in rows:
        if row["released"]:
            continue
        pk = row["application"].pk
        value = request.POST.get(row["field"], "")
        if value not in dict(OUTCOME_CHOICES):
            bad = True
            value = row["choice"]
        chosen[pk] = value
        typed = request.POST.get(row["rank_field"], "").strip()
        row["rank_value"] = typed
        if value == "waitlist" and typed:
            if not typed.isdigit() or int(typed) < 1:
                bad_rank = True
            else:
                typed_ranks[pk] = int(typed)
    admits = sum(1 for value in chosen.values() if value == "admit")
    released_admits = sum(1 for row in rows if row["released"] and row["decision"].outcome == Decision.Outcome.ADMIT)
    error = ""
    if bad:
        error = "Choose admit, waitlist, reject or no decision for every applicant."
    elif bad_rank:
        error = "A waitlist rank is a whole number from 1 (or empty: then the score decides)."
    elif admits + released_admits > context["capacity"]:
        error = (f"You chose {admits + released_admits} admits but there are only {context['capacity']} places. "
                 f"Move {admits + released_admits - context['capacity']} to the waitlist or reject them.")
    # "no decision" for someone with a staged decision removes it
    to_clear = [row["application"] for row in rows
                if not row["released"] and row["decision"] is not None and chosen.get(row["application"].pk) == ""]
    if not error and not any(chosen.values()) and not to_clear:
        error = "There is nothing to stage: choose a decision for at least one applicant."
    if not error:
        # the waitlist: by the ranks typed (ties and empty ranks by score, then application id)
        order = sorted(rows, key=lambda row: (typed_ranks.get(row["application"].pk, float("inf")), _score_key(row)))
        ranked = [row["application"].pk for row in order if chosen.get(row["application"].pk) == "waitlist"]
        ranks = {pk: rank for rank, pk in enumerate(ranked, start=1)}
        decisions = {pk: (value, ranks.get(pk)) for pk, value in chosen.items() if value}
        try:
            with transaction.atomic():  # all of it or nothing
                for application in Application.objects.filter(pk__in=[a.pk for a in to_clear], call=call):
                    services.clear_decision(application=application, actor=request.user)
                changed = services.stage_decisions(call=call, decisions=decisions, actor=request.user) if decisions else 0
        except services.AdmissionError as refusal:
            error = str(refusal)
        else:
            counts = {v: sum(1 for x in decisions.values() if x[0] == v) for v in ("admit", "waitlist", "reject")}
            removed = f"; {len(to_clear)} staged decision{'s' if len(to_clear) != 1 else ''} removed" if to_clear else ""
            messages.success(
                request,
                f"Staged {counts['admit']} admits, {counts['waitlist']} on the waitlist and {counts['reject']} "
                f"rejections ({changed} changed{removed}). Applicants see nothing until the decisions are released.",
            )
            return redirect(_board_url(call))
    for row in rows:  # keep what the manager chose
        row["choice"] = chosen.get(row["application"].pk, row["choice"])
    context["accept_error"] = error
    context["form_error"] = bool(error)
    return render(request, "admissions/assistant.html", context)
