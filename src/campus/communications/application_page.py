"""The outbox's section of the staff page of one application (campus.core.plugins.application_page): every mail
to the applicant in the call's edition, with its state, for those who may see those messages in the outbox
(``permissions.visible_messages``: the edition's managers)."""

from django.template.loader import render_to_string

from campus.core.plugins.application_page import Section

from . import permissions
from .models import OutboxMessage


def mail_section(request, application):
    edition_id = application.call.edition_id
    if edition_id not in permissions.managed_edition_ids(request.user):
        return None
    messages = permissions.visible_messages(request.user, OutboxMessage.objects.filter(
        recipient_id=application.applicant_id, edition_id=edition_id)).order_by("created_at", "pk")
    return Section(title="Mails", key="mails", order=50, html=render_to_string(
        "communications/staff/_application_section.html",
        {"messages": list(messages), "zone": application.call.timezone}, request=request))
