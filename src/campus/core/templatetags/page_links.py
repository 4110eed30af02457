"""``{% page_link "name" as url %}``: the URL an app registered under ``name`` (core.plugins.links), or ""."""

from django import template

from ..plugins import links

register = template.Library()


@register.simple_tag
def page_link(name: str) -> str:
    return links.url(name)
