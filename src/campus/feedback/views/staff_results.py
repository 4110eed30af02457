"""Staff pages of a survey's results under /staff/feedback/: the results with charts, who has not answered (names
for named surveys only; counts for anonymous ones), the reminder, and the export (CSV, XLSX).

Managers of the edition see every survey; a module lead the surveys of the modules they lead (results, who has
not answered, export); reminding is the manager's.
"""

import io

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from campus.core.files import private_file_response

from .. import exports, permissions, selectors, services, states
from ..results import results as survey_results
from .staff import guarded, managed_survey_or_403, survey_or_404

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _readable_or_404(request, pk):
    survey = survey_or_404(request, pk)
    if not permissions.can_read_results(request.user, survey):
        raise Http404("No such survey.")
    return survey


@require_GET
@guarded
def results(request, pk: int):
    survey = _readable_or_404(request, pk)
    return render(request, "feedback/staff/results.html", {
        "survey": survey, "state_label": states.STAFF_LABELS[survey.state], **survey_results(survey),
        "can_manage": permissions.can_manage(request.user, survey.edition_id),
    })


@require_GET
@guarded
def not_answered(request, pk: int):
    survey = _readable_or_404(request, pk)
    people = [] if survey.anonymous else list(selectors.not_answered(survey))
    return render(request, "feedback/staff/not_answered.html", {
        "survey": survey, "people": people, "counts": selectors.answer_counts(survey),
        "can_remind": permissions.can_manage(request.user, survey.edition_id) and survey.state == states.OPEN,
    })


@require_POST
@guarded
def remind(request, pk: int):
    survey = managed_survey_or_403(request, pk)
    url = request.build_absolute_uri(reverse("feedback:answer", kwargs={"pk": survey.pk}))
    try:
        count = services.remind(survey=survey, actor=request.user, recipients=selectors.not_answered(survey),
                                survey_url=url)
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"A reminder is on its way to {count} participant{'s' if count != 1 else ''} "
                                  "who have not answered (once a day at most).")
    return redirect("staff_feedback:not_answered", pk=survey.pk)


@require_GET
@guarded
def export(request, pk: int, fmt: str):
    survey = _readable_or_404(request, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format.")
    content, count = exports.as_csv(survey) if fmt == "csv" else exports.as_xlsx(survey)
    services.record_export(survey=survey, fmt=fmt, count=count, actor=request.user)
    return private_file_response(io.BytesIO(content), download_name=exports.filename(survey, fmt),
                                 content_type=CONTENT_TYPES[fmt])
