"""Who may see and do what with attendance: the one place these rules live (tested with leaky data).

- The staff pages are open to programme managers and module leads (of some edition).
- A session of a module (a meetup's session, a module's webinar) is run by the edition's managers, the
  edition-wide module leads and the lead of that module (``team.permissions.leads_module``): they create and
  change it, take its roll call, show its QR code and export it. The lead of another module gets a 404.
- A webinar of the whole edition (no module) is run by the edition's managers only.
- A participant sees their own attendance only, and the sessions of their own edition.
"""

from campus.team.permissions import Role, edition_ids_with_role, holds_any, is_manager, leads_module, modules_led

STAFF_ROLES = (Role.MANAGER, Role.MODULE_LEAD)

can_use_attendance = holds_any(*STAFF_ROLES)


def edition_ids_for_staff(user) -> set[int]:
    return edition_ids_with_role(user, *STAFF_ROLES)


def can_run_module(user, module) -> bool:
    return leads_module(user, module)


def can_run_session(user, session) -> bool:
    """Take the roll call, show the QR code, change and export ``session``."""
    if session.module_id is None:
        return is_manager(user, session.edition_id)
    return session.module_id in modules_led(user, session.edition_id)


def can_create_edition_webinar(user, edition) -> bool:
    return is_manager(user, edition)
