"""Who may clone editions and handle drafts: the one place these rules live (tested with leaky data).

- The programme team (the "Programme team" group, whose members edit every edition in the content editor) and
  superusers: every edition, drafts included.
- A programme manager of an edition: clones that edition, and handles the editions they manage (the person who
  clones becomes manager of the new draft). A manager of another edition, a reviewer, a module lead: nothing
  (404).
"""

from campus.team.permissions import Role, has_any_role, is_manager


def is_programme_team(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active
                and (user.is_superuser or user.is_staff and user.has_perm("programme.add_edition")))


def section_predicate(user) -> bool:
    return is_programme_team(user) or has_any_role(user, Role.MANAGER)


def can_handle(user, edition) -> bool:
    """Clone ``edition``, see it (a draft too), publish or unpublish it."""
    return is_programme_team(user) or is_manager(user, edition)
