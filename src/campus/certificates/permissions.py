"""Who may see and do what with certificates: the one place these rules live (tested with leaky data).

- The staff pages of an edition's certificates (rules, preview, issue, revoke, list, exports, PDFs) are open
  to the edition's programme managers only.
- A participant sees their own certificate (and what is still missing) at /me/certificate/, nobody else's.
- Anyone, signed in or not, may verify a certificate by its code: the public page shows the name, programme,
  edition, date and state, nothing more.
"""

from campus.team.permissions import Role, holds_any, is_manager

section_predicate = holds_any(Role.MANAGER)


def can_manage_certificates(user, edition) -> bool:
    return is_manager(user, edition)
