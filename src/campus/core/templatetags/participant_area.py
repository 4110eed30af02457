"""``{% participant_sections as sections %}``: the sections of the participant area shown to the participant of
the request (core.plugins.participant)."""

from django import template

from ..plugins import participant as area

register = template.Library()


@register.simple_tag(takes_context=True)
def participant_sections(context):
    participant = getattr(context.get("request"), "participant", None)
    return area.sections_for(participant) if participant is not None else []
