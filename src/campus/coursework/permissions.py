"""Who may see and do what with coursework: the one place these rules live (tested with data that could leak).

- The staff pages are open to the programme managers and module leads of some edition (the section's predicate).
- A module's materials, assignments and submissions: its leads (a module lead of that module or of the whole
  edition) and the edition's managers (``team.permissions.leads_module``).
- A journal entry shared with a module: that module's lead(s) only (a module-lead role of their own for that
  module or the whole edition, ``team.permissions.modules_led_as_lead``); a manager or a superuser who does not
  lead the module does not read it: the participant shared it with the lead.
- A participant sees the published materials and assignments of their edition's modules, their own attempts,
  files and journal; nobody else's.
- A journal entry that is not shared is seen by its writer only: no lead, no manager, no superuser.
"""

from campus.team.permissions import Role, holds_any, leads_module, modules_led, modules_led_as_lead

can_use_section = holds_any(Role.MANAGER, Role.MODULE_LEAD)


def can_lead(user, module) -> bool:
    return leads_module(user, module)


def led_module_ids(user, edition) -> set[int]:
    return modules_led(user, edition)


def participant_sees_module(participant, module) -> bool:
    return module.edition_id == participant.edition_id


def participant_sees_assignment(participant, assignment) -> bool:
    return assignment.published and assignment.module.edition_id == participant.edition_id


def participant_sees_material(participant, material) -> bool:
    return material.published and material.module.edition_id == participant.edition_id


def owns_attempt(participant, attempt) -> bool:
    return attempt.participant_id == participant.pk


def journal_module_ids(user, edition) -> set[int]:
    """The modules of ``edition`` whose shared journal entries ``user`` reads: those they lead themselves."""
    return modules_led_as_lead(user, edition)


def can_read_entry(user, entry) -> bool:
    """Staff side: only an entry shared with a module the user leads themselves (not as a manager)."""
    module = entry.shared_with
    return module is not None and module.pk in journal_module_ids(user, module.edition_id)
