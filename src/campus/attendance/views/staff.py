"""Staff pages of attendance under /staff/attendance/: the meetups with their sessions, webinars, creating and
changing them. Programme managers and module leads only (anyone else signed in gets a 404, visitors sign in
first); a session of a module another person leads is a 404 too. Pages are never cached."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.team.permissions import modules_led

from .. import permissions, selectors, services
from ..forms import SessionForm, WebinarForm


def run_session(user, session=None, **kwargs) -> bool:
    """The predicate of a session's pages: the section's, and ``user`` runs ``session``."""
    return permissions.can_use_attendance(user) and (session is None or permissions.can_run_session(user, session))


def run_meetup(user, meetup=None, **kwargs) -> bool:
    return permissions.can_use_attendance(user) and (meetup is None or permissions.can_run_module(user, meetup.module))


def chosen_edition(request):
    """The edition the page is about (?edition=, else the first the person works in); 404 if none."""
    editions = selectors.editions_for_staff(request.user)
    wanted = request.GET.get("edition") or request.POST.get("edition")
    edition = editions[0] if editions and not wanted else next(
        (e for e in editions if str(e.pk) == str(wanted)), None)
    if edition is None:
        raise Http404("No such edition.")
    return edition, editions


def home_url(edition_id) -> str:
    return f"{reverse('staff_attendance:home')}?edition={edition_id}"


@require_GET
@staff_page(permissions.can_use_attendance)
def home(request):
    edition, editions = chosen_edition(request)
    meetups = selectors.meetups_for_staff(request.user, edition)
    webinars = [s for s in selectors.sessions_for_staff(request.user, edition) if s.is_webinar]
    return render(request, "attendance/staff/home.html", {
        "edition": edition, "editions": editions, "meetups": meetups, "webinars": webinars,
    })


@require_http_methods(["GET", "POST"])
@staff_page(run_meetup, load={"meetup": selectors.meetup_or_none})
def session_new(request, meetup):
    form = SessionForm(request.POST or None, zone=meetup.timezone, initial={
        "local_start": meetup.local_start.replace(tzinfo=None), "local_end": meetup.local_end.replace(tzinfo=None)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.create_session(actor=request.user, meetup=meetup, title=data["title"],
                                    starts_at=data["starts_at"], ends_at=data["ends_at"],
                                    late_after_minutes=data["late_after_minutes"])
        except services.AttendanceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"The session “{data['title']}” is added to {meetup.title}.")
            return redirect(home_url(meetup.module.edition_id))
    return render(request, "attendance/staff/session_form.html",
                  {"form": form, "meetup": meetup, "edition": meetup.module.edition, "creating": True})


def _webinar_form(request, edition, *, initial=None):
    led = modules_led(request.user, edition)
    modules = [m for m in selectors.modules_of(edition) if m.pk in led]
    edition_wide = permissions.can_create_edition_webinar(request.user, edition)
    if not modules and not edition_wide:
        raise Http404("No module of yours in this edition.")
    return WebinarForm(request.POST or None, modules=modules, edition_wide=edition_wide, initial=initial)


@require_http_methods(["GET", "POST"])
@staff_page(permissions.can_use_attendance)
def webinar_new(request):
    edition, _editions = chosen_edition(request)
    first = next(iter(selectors.modules_of(edition, only=modules_led(request.user, edition))), None)
    form = _webinar_form(request, edition, initial={"timezone": first.timezone if first else "Europe/Berlin",
                                                    "late_after_minutes": 10})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.create_session(
            actor=request.user, edition=edition, module=data["module"], title=data["title"],
            starts_at=data["starts_at"], ends_at=data["ends_at"], timezone_name=data["timezone"],
            online_link=data["online_link"], recording_link=data["recording_link"],
            late_after_minutes=data["late_after_minutes"])
        messages.success(request, f"The webinar “{data['title']}” is added.")
        return redirect(home_url(edition.pk))
    return render(request, "attendance/staff/session_form.html",
                  {"form": form, "edition": edition, "creating": True, "webinar": True})


@require_http_methods(["GET", "POST"])
@staff_page(run_session, load={"session": selectors.session_or_none})
def session_edit(request, session):
    initial = SessionForm.local_initial(session)
    if session.is_webinar:
        form = _webinar_form(request, session.edition, initial=initial)
    else:
        form = SessionForm(request.POST or None, zone=session.zone_name, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes = {name: data[name] for name in ("title", "starts_at", "ends_at", "late_after_minutes")}
        if session.is_webinar:
            changes.update(timezone=data["timezone"], online_link=data["online_link"],
                           recording_link=data["recording_link"])
            if (data["module"].pk if data["module"] else None) != session.module_id:
                form.add_error("module", "A webinar stays with its module; make a new one for another module.")
        if not form.errors:
            try:
                services.update_session(session=session, actor=request.user, **changes)
            except services.AttendanceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "The session is changed.")
                return redirect(home_url(session.edition_id))
    return render(request, "attendance/staff/session_form.html", {
        "form": form, "session": session, "meetup": session.meetup, "edition": session.edition,
        "creating": False, "webinar": session.is_webinar})


@require_POST
@staff_page(run_session, load={"session": selectors.session_or_none})
def session_delete(request, session):
    try:
        services.delete_session(session=session, actor=request.user)
    except services.AttendanceError as error:
        messages.error(request, str(error))
        return redirect("staff_attendance:session_edit", session=session.pk)
    messages.success(request, f"The session “{session.title}” is deleted.")
    return redirect(home_url(session.edition_id))
