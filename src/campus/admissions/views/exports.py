"""Exports of a call for its programme managers: the spreadsheet (CSV, XLSX) and all CVs as one zip.

Managers of the call's edition only (404 for anyone else signed in; visitors sign in first). Every export is
logged (who took which list, when) through ``campus.applications.services.record_export``. Files go out as
attachments with the house headers (``campus.core.files.private_file_response``: no sniffing, no caching,
sandboxed).
"""

import io

from django.http import Http404
from django.views.decorators.http import require_GET

from campus.applications import services as application_services
from campus.core.files import private_file_response

from .. import exports
from .access import manager_of_call

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_GET
@manager_of_call
def export(request, call, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format.")
    content, count = exports.as_csv(call) if fmt == "csv" else exports.as_xlsx(call)
    application_services.record_export(
        call=call, fmt=fmt, count=count, filters={"export": "admissions"}, actor=request.user
    )
    return private_file_response(
        io.BytesIO(content), download_name=exports.filename(call, fmt), content_type=CONTENT_TYPES[fmt]
    )


@require_GET
@manager_of_call
def cvs(request, call):
    handle, count = exports.cvs_zip(call)
    application_services.record_export(
        call=call, fmt="zip", count=count, filters={"export": "cvs"}, actor=request.user
    )
    return private_file_response(
        handle, download_name=exports.filename(call, "zip").replace("-admissions-", "-cvs-", 1),
        content_type="application/zip",
    )
