"""The outbox and the mail templates, under /staff/outbox/.

Who gets in is decided by ``permissions`` alone: not signed in -> the sign-in page; signed in without the
manager role of any edition -> 404; a message or template of an edition the person does not manage -> 404.
Views stay thin: forms validate, services change state, selectors read. Pages are never cached.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.core.ids import ids_from
from campus.core.plugins import mail
from campus.programme.models import Edition

from .. import permissions, rendering, selectors, services
from ..forms import FilterForm, MessageForm, TemplateForm
from ..models import MailTemplate, OutboxMessage

PAGE_SIZE = 50
S = OutboxMessage.State
ACTIONS = {
    "communications.composed": "Written",
    "communications.queued": "Queued for sending",
    "communications.edited": "Edited",
    "communications.sent": "Sent",
    "communications.failed": "Sending failed",
    "communications.retried": "Queued again",
    "communications.cancelled": "Cancelled",
}


def _message_or_404(request, pk: int) -> OutboxMessage:
    queryset = permissions.visible_messages(request.user, OutboxMessage.objects.select_related("edition__programme"))
    message = queryset.filter(pk=pk).first()
    if message is None:
        raise Http404("No such message.")
    return message


# --- the list -------------------------------------------------------------------------------------


def _editions(user):
    ids = permissions.managed_edition_ids(user)
    return list(Edition.objects.filter(pk__in=ids).select_related("programme").order_by("-is_current", "name"))


def _filtered(request, params):
    """(form, queryset of the visible messages matching the filters in ``params``)."""
    user = request.user
    form = FilterForm(params, editions=_editions(user), show_none=user.is_superuser)
    queryset = permissions.visible_messages(user, OutboxMessage.objects.all())
    if form.is_valid():
        data = form.cleaned_data
        if data["event"]:
            queryset = queryset.filter(event=data["event"])
        if data["edition"] == "none":
            queryset = queryset.filter(edition__isnull=True)
        elif data["edition"]:
            queryset = queryset.filter(edition_id=int(data["edition"]))
    return form, queryset


@require_GET
@staff_page(permissions.can_use_outbox)
def home(request):
    form, queryset = _filtered(request, request.GET)
    state = form.cleaned_data.get("state", "") if form.is_valid() else ""
    counts = selectors.counts_by_state(queryset)
    listed = queryset.filter(state=state) if state else queryset
    page = Paginator(selectors.messages_for_list(listed), PAGE_SIZE).get_page(request.GET.get("page"))
    drafts_matching = counts.get(S.DRAFT, 0) if state in ("", S.DRAFT) else 0
    filter_params = {k: v for k, v in (form.cleaned_data.items() if form.is_valid() else ()) if v}
    context = {
        "form": form,
        "page": page,
        "rows": list(page.object_list),
        "counts": [(value, label, counts.get(value, 0)) for value, label in S.choices],
        "total": sum(counts.values()),
        "state": state,
        "filter_params": filter_params,
        "filtered": bool(filter_params),
        "drafts_matching": drafts_matching,
        "has_drafts_on_page": any(m.state == S.DRAFT for m in page.object_list),
    }
    return render(request, "communications/staff/list.html", context)


@require_POST
@staff_page(permissions.can_use_outbox)
def bulk_send(request):
    """Send the ticked drafts, or (``scope=all``) every draft matching the filters sent along."""
    form, queryset = _filtered(request, request.POST)
    if not form.is_valid():  # a filter that no longer fits: never widen "all matching" to everything
        messages.error(request, "The filters do not fit any more; nothing was sent. Choose the drafts again.")
        return redirect("staff_outbox:home")
    drafts = queryset.filter(state=S.DRAFT)
    if request.POST.get("scope") != "all":
        ids = ids_from(request.POST.getlist("message"))
        drafts = drafts.filter(pk__in=ids)
    chosen = [m for m in drafts if permissions.can_act_on_message(request.user, m)]
    if not chosen:
        messages.error(request, "Choose at least one draft to send.")
    else:
        queued = services.send(messages=chosen, actor=request.user)
        messages.success(request, f"{queued} message{'s' if queued != 1 else ''} queued for sending.")
    # back to the list as it was: its filters and its page (a page that is gone shows the last one)
    back = {k: v for k, v in request.POST.items() if k in ("state", "event", "edition") and v}
    if request.POST.get("page", "").isdigit() and request.POST["page"] != "1":
        back["page"] = request.POST["page"]
    url = reverse("staff_outbox:home")
    if back:
        from urllib.parse import urlencode

        url += "?" + urlencode(back)
    return redirect(url)


# --- one message ----------------------------------------------------------------------------------


def _render_message(request, message, *, form=None, status=200, template="communications/staff/message.html"):
    attachments, attachment_error = [], ""
    if message.attachment:
        try:
            attachments = [(name, len(content)) for name, content, _type in services.attachments_of(message)]
        except Exception as error:  # noqa: BLE001 - shown to staff: the send would fail the same way
            attachment_error = str(error) or type(error).__name__
    history = []
    for entry in selectors.activity_of(message):
        data = entry.data or {}
        history.append({
            "when": entry.created_at, "actor": entry.actor, "action": ACTIONS.get(entry.action, entry.action),
            "from": S(data["from"]).label if data.get("from") in S.values else "",
            "to": S(data["to"]).label if data.get("to") in S.values else "",
            "error": data.get("error", ""),
        })
    context = {
        "message": message,
        "attachments": attachments,
        "attachment_error": attachment_error,
        "history": history,
        "form": form,
    }
    return render(request, template, context)


@require_GET
@staff_page(permissions.can_use_outbox)
def message_detail(request, pk: int):
    return _render_message(request, _message_or_404(request, pk))


@require_http_methods(["GET", "POST"])
@staff_page(permissions.can_use_outbox)
def message_edit(request, pk: int):
    message = _message_or_404(request, pk)
    if message.state != S.DRAFT:
        messages.error(request, "Only a draft can be edited.")
        return redirect("staff_outbox:message", pk=message.pk)
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                services.edit_draft(message=message, subject=form.cleaned_data["subject"],
                                    body=form.cleaned_data["body"], actor=request.user)
            except services.OutboxError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "The draft is saved.")
                return redirect("staff_outbox:message", pk=message.pk)
        return _render_message(request, message, form=form,
                               template="communications/staff/edit.html")
    form = MessageForm(initial={"subject": message.subject, "body": message.body})
    return _render_message(request, message, form=form, template="communications/staff/edit.html")


def _act(request, pk, action, success):
    message = _message_or_404(request, pk)
    try:
        action(message)
    except services.OutboxError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success.format(to=message.to_email))
    return redirect("staff_outbox:home")


@require_POST
@staff_page(permissions.can_use_outbox)
def message_send(request, pk: int):
    def act(message):
        if message.state != S.DRAFT:
            raise services.OutboxError("Only a draft can be sent from here.")
        services.send(messages=[message], actor=request.user)

    return _act(request, pk, act, "The message to {to} is queued for sending.")


@require_POST
@staff_page(permissions.can_use_outbox)
def message_retry(request, pk: int):
    return _act(request, pk, lambda m: services.retry(message=m, actor=request.user), "The message to {to} is queued again.")


@require_POST
@staff_page(permissions.can_use_outbox)
def message_cancel(request, pk: int):
    return _act(request, pk, lambda m: services.cancel(message=m, actor=request.user), "The message to {to} is cancelled.")


# --- templates ------------------------------------------------------------------------------------


@require_GET
@staff_page(permissions.can_use_outbox)
def template_list(request):
    user = request.user
    editions = _editions(user)
    found = selectors.templates_by_key(e.pk for e in editions)
    rows = []
    for event in mail.events():  # whatever the installed apps register (campus.core.plugins.mail)
        key = event.key
        rows.append({
            "event": key,
            "label": event.label,
            "default": found.get((key, None)) or services.default_template(key),
            "default_editable": permissions.can_edit_event_template(user, key, edition_id=None),
            "editions": [{"edition": e, "own": found.get((key, e.pk)),
                          "editable": permissions.can_edit_event_template(user, key, edition_id=e.pk)}
                         for e in editions],
        })
    return render(request, "communications/staff/templates.html", {"rows": rows, "editions": editions})


def _scope(request, event: str, edition_id: int | None):
    if mail.get(event) is None:
        raise Http404("No such mail.")
    if not permissions.can_edit_event_template(request.user, event, edition_id=edition_id):
        raise Http404("No such template.")
    edition = None
    if edition_id is not None:
        edition = Edition.objects.select_related("programme").filter(pk=edition_id).first()
        if edition is None:
            raise Http404("No such edition.")
    return edition


@require_http_methods(["GET", "POST"])
@staff_page(permissions.can_use_outbox)
def template_edit(request, event: str, edition_id: int | None = None):
    edition = _scope(request, event, edition_id)
    own = MailTemplate.objects.filter(event=event, edition=edition).first()
    default = services.default_template(event)
    if request.method == "POST":
        form = TemplateForm(request.POST, event=event)
        if form.is_valid():
            services.save_template(event=event, edition=edition, subject=form.cleaned_data["subject"],
                                   body=form.cleaned_data["body"], actor=request.user)
            messages.success(request, f"The template “{mail.label(event)}” is saved.")
            return redirect("staff_outbox:templates")
    else:
        source = own or default
        form = TemplateForm(initial={"subject": source.subject, "body": source.body} if source else None, event=event)
    context = {
        "form": form, "event": event, "event_label": mail.label(event), "edition": edition, "own": own,
        "placeholders": rendering.placeholders_for(event).items(),
    }
    return render(request, "communications/staff/template_edit.html", context)


@require_POST
@staff_page(permissions.can_use_outbox)
def template_remove(request, event: str, edition_id: int):
    edition = _scope(request, event, edition_id)
    template = MailTemplate.objects.filter(event=event, edition=edition).first()
    if template is not None:
        services.delete_template(template=template, actor=request.user)
        messages.success(request, f"{edition} uses the default text of “{mail.label(event)}” again.")
    return redirect("staff_outbox:templates")
