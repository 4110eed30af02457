"""Who may see and do what with surveys: the one place these rules live (tested with data that could leak).

- The staff section is open to programme managers and module leads (of some edition).
- Managers of an edition build, open, close, remind and read every survey of it.
- A module lead reads the results (and who has not answered, for named surveys) of the surveys of the modules
  they lead, never of other modules nor of the whole edition.
- A participant answers the open surveys of their own edition and sees only their own answers.
"""

from campus.team.permissions import Role, edition_ids_with_role, holds_any, is_manager, leads_module, modules_led

can_use_surveys = holds_any(Role.MANAGER, Role.MODULE_LEAD)


def can_manage(user, survey_or_edition) -> bool:
    return is_manager(user, survey_or_edition)


def can_read_results(user, survey) -> bool:
    if is_manager(user, survey.edition_id):
        return True
    return survey.module_id is not None and leads_module(user, survey.module)


def visible_scope(user) -> tuple[set[int], set[int]]:
    """(editions whose every survey ``user`` sees, modules whose surveys ``user`` sees)."""
    managed = edition_ids_with_role(user, Role.MANAGER)
    modules: set[int] = set()
    for edition_id in edition_ids_with_role(user, Role.MODULE_LEAD) - managed:
        modules |= modules_led(user, edition_id)
    return managed, modules
