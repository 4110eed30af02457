"""Who may see and do what with booklet profiles: the one place these rules live (tested with leaky data).

- A participant edits their own profile and consent at /me/booklet/ (nobody else's: there is no id in the URL).
  A locked profile is read-only for them; consent can always be changed.
- The staff pages of an edition's booklet (list, edit for a participant, consent on their behalf, locks,
  settings) are open to the edition's programme managers only.
- The public pages show only profiles whose current consent is "public", of editions whose booklet is shown.
- A photo is served for a public profile to anyone; for a "participants" profile only to participants of the
  same edition; and to the edition's managers. Never for "nobody" (except to managers).
"""

from campus.team.permissions import Role, edition_ids_with_role, holds_any, is_manager

section_predicate = holds_any(Role.MANAGER)


def edition_ids_for_staff(user) -> set[int]:
    return edition_ids_with_role(user, Role.MANAGER)


def can_manage_booklet(user, edition) -> bool:
    return is_manager(user, edition)


def may_see_photo(user, profile, level: str) -> bool:
    """``level``: the profile's current consent level."""
    if level == "public":
        return True
    edition_id = profile.participant.edition_id
    if user is None or not user.is_authenticated:
        return False
    if can_manage_booklet(user, edition_id):
        return True
    if level != "participants":
        return False
    from campus.cohort.selectors import is_participant

    return is_participant(user, edition_id)
