"""Who may use the forum's staff pages (the one place these rules live; tested with data that could leak).

- The staff section "Forum" is open to programme managers (of some edition) and superusers.
- An event that follows an edition (``Event.edition``) is run by that edition's managers only: a manager of
  another edition gets 404 on its pages (nothing tells them it exists) and sees it in no list.
- An event without an edition (a stand-alone forum) is run by any programme manager: there is no narrower team
  to ask, and the forum is the programme's, whose managers are the team.
- The personal QR code's page (/staff/forum/check-in/code/<code>/) answers the same: a manager of the event's
  edition sees the person; anyone else signed in gets 404 for any code, known or not.
"""

from campus.team.permissions import Role, edition_ids_with_role, has_any_role, holds_any, is_manager

can_use_forum_staff = holds_any(Role.MANAGER)


def can_run_event(user, event=None, **kwargs) -> bool:
    if event is None:
        return can_use_forum_staff(user)
    if event.edition_id is None:
        return has_any_role(user, Role.MANAGER)
    return is_manager(user, event.edition_id)


def events_q(user):
    """A Q of the events ``user`` runs (for querysets): those of their editions and those without one."""
    from django.db.models import Q

    if not has_any_role(user, Role.MANAGER):
        return Q(pk__in=[])
    return Q(edition_id__in=edition_ids_with_role(user, Role.MANAGER)) | Q(edition__isnull=True)
