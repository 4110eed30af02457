"""Who may see and do what with peer coaching: the one place these rules live (tested with leaky data).

- The staff pages (rounds, generation, changes by hand, exports) are open to the edition's programme managers.
  They show which sessions a group held and who took part, never the notes.
- A participant sees the groups they are a member of, with the members' names, organisations and countries and
  the group's session log, notes included; they log sessions of their own groups only, and only members of the
  group can be named as having taken part. A member of group A never sees group B (404).
"""

from campus.team.permissions import Role, edition_ids_with_role, holds_any, is_manager

staff_section = holds_any(Role.MANAGER)


def edition_ids_for_staff(user) -> set[int]:
    return edition_ids_with_role(user, Role.MANAGER)


def can_manage_coaching(user, edition) -> bool:
    return is_manager(user, edition)
