"""The staff's pages at the door and after: a session's roll call (one form for everyone, usable on a phone),
marking the rest absent, the QR screen for the room, the overview (participants × sessions) and the exports.
The same rules as views/staff.py: only who runs the session (its module's lead, the edition's managers)."""

import io

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.core.files import private_file_response

from .. import exports, permissions, qr, rollcall, selectors, services, tokens
from ..forms import STATUS_CHOICES, RollCallForm
from .staff import chosen_edition, run_session


@require_http_methods(["GET", "POST"])
@staff_page(run_session, load={"session": selectors.session_or_none})
def roll_call(request, session):
    rows = selectors.roll_call(session)
    form = RollCallForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        counts = services.record_roll_call(session=session, marks=form.marks(), actor=request.user)
        total = sum(counts.values())
        messages.success(request, f"Roll call saved: {total} change{'s' if total != 1 else ''}."
                         if total else "Roll call saved: nothing had changed.")
        return redirect("staff_attendance:roll_call", session=session.pk)
    counted = {status: sum(1 for row in rows if row.status == status) for status in ("present", "late", "excused",
                                                                                    "absent")}
    return render(request, "attendance/staff/roll_call.html", {
        "session": session, "form": form, "rows": rows, "counted": counted,
        "fieldsets": rollcall.fieldsets(rows, form, zone=session.zone, choices=STATUS_CHOICES),
        "unrecorded": sum(1 for row in rows if not row.status and row.expected),
    })


@require_POST
@staff_page(run_session, load={"session": selectors.session_or_none})
def rest_absent(request, session):
    try:
        count = services.mark_rest_absent(session=session, actor=request.user)
    except services.AttendanceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{count} participant{'s' if count != 1 else ''} marked absent.")
    return redirect("staff_attendance:roll_call", session=session.pk)


@require_GET
@staff_page(run_session, load={"session": selectors.session_or_none})
def qr_screen(request, session):
    """The page for the room's screen: the code of the current window; a small same-origin script
    (static/attendance/qr-screen.js) renews it in place when the window changes (a meta refresh would fail
    axe's rule on timed refreshes)."""
    token = tokens.make(session.pk)
    url = request.build_absolute_uri(reverse("attendance:check_in", kwargs={"token": token}))
    return render(request, "attendance/staff/qr_screen.html", {
        "session": session, "svg": qr.svg(url), "url": url, "refresh": tokens.seconds_left() + 1,
    })


@require_GET
@staff_page(run_session, load={"session": selectors.session_or_none})
def session_export(request, session, fmt):
    if fmt not in exports.CONTENT_TYPES:
        raise Http404("No such format.")
    header, body = exports.session_table(session, selectors.roll_call(session))
    return private_file_response(io.BytesIO(exports.render(fmt, header, body)),
                                 download_name=exports.filename(session.title, fmt),
                                 content_type=exports.CONTENT_TYPES[fmt])


def _overview(request):
    edition, editions = chosen_edition(request)
    module_id = request.GET.get("module") or None
    if module_id is not None and (not module_id.isdigit() or len(module_id) > 12):
        raise Http404("No such module.")
    return edition, editions, selectors.overview(request.user, edition, module_id=module_id and int(module_id))


@require_GET
@staff_page(permissions.can_use_attendance)
def overview(request):
    edition, editions, table = _overview(request)
    return render(request, "attendance/staff/overview.html", {
        "edition": edition, "editions": editions, "table": table, "rows": list(table.rows()),
        "query": request.GET.urlencode(),
    })


@require_GET
@staff_page(permissions.can_use_attendance)
def overview_export(request, fmt):
    if fmt not in exports.CONTENT_TYPES:
        raise Http404("No such format.")
    edition, _editions, table = _overview(request)
    header, body = exports.overview_table(table)
    return private_file_response(io.BytesIO(exports.render(fmt, header, body)),
                                 download_name=exports.filename(str(edition), fmt),
                                 content_type=exports.CONTENT_TYPES[fmt])
