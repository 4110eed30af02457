"""An authentication backend that answers permission questions from team roles (it authenticates nobody).

- ``user.has_perm("team.manage_edition", edition)``: holds a role that grants it in that edition (an
  ``Edition``, its id, or any object with an ``edition_id``);
- ``user.has_perm("team.manage_edition")``: holds such a role in some edition.
Every other permission is left to Django's ``ModelBackend`` (this backend answers False). A superuser already
has every permission through Django itself; an inactive account has none.
"""

from django.contrib.auth.backends import BaseBackend

from . import permissions


class TeamRoleBackend(BaseBackend):
    def has_perm(self, user_obj, perm, obj=None):
        roles = permissions.roles_for_permission(perm)
        if not roles:
            return False
        if obj is None:
            return permissions.has_any_role(user_obj, *roles)
        return permissions.has_role(user_obj, obj, *roles)

    def get_all_permissions(self, user_obj, obj=None):
        names = set(permissions.roles_anywhere(user_obj) if obj is None else permissions.roles_of(user_obj, obj))
        return {f"team.{name}" for name, roles in permissions.PERMISSIONS.items() if roles & names}
