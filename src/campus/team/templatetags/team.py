"""Team roles in templates: ``{% load team %}``.

- ``{% if user|has_any_role:"manager,reviewer" %}``: holds one of the roles in some edition;
- ``{% has_role user edition "manager" "reviewer" as may %}``: holds one of them in that edition.
"""

from django import template

from .. import permissions

register = template.Library()


@register.filter
def has_any_role(user, roles: str) -> bool:
    return permissions.has_any_role(user, *[r.strip() for r in roles.split(",") if r.strip()])


@register.simple_tag
def has_role(user, edition, *roles):
    return permissions.has_role(user, edition, *roles)
