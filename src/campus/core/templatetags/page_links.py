"""``{% page_link "name" as url %}``: the URL an app registered under ``name`` (core.plugins.links), or "".

Keyword arguments go to the link's ``state`` function: ``{% page_link "participant_home" user=user as url %}``."""

from django import template

from ..plugins import links

register = template.Library()


@register.simple_tag
def page_link(name: str, **context) -> str:
    return links.link(name, **context).url if context else links.url(name)
