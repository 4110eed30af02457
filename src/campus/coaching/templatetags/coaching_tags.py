from django import template

from ..selectors import country_name

register = template.Library()


@register.filter(name="country_name")
def country_name_filter(code):
    """A country code of an application as its name ("FI" -> "Finland")."""
    return country_name(code or "")
