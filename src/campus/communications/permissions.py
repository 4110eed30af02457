"""Who may see and act on the outbox and the mail templates (the one place that says so).

- A message of an edition: the programme managers of that edition (superusers hold every role).
- A message without an edition, and the default templates (they speak for every edition): superusers only.
- An edition's own templates: its programme managers.
- A mail event may narrow who of them edits its text (``editable_by`` of campus.core.plugins.mail).
Reviewers, interviewers, staff without a role, applicants: nothing (the pages answer 404).
"""

from campus.core.plugins import mail
from campus.team.permissions import Role, edition_ids_with_role, has_any_role, has_role, is_manager


def can_use_outbox(user) -> bool:
    """May open the outbox at all (a manager of some edition, or a superuser)."""
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or has_any_role(user, Role.MANAGER)))


def _manager_edition_ids(user) -> set[int]:
    """Editions ``user`` manages (cached on the user object for the request)."""
    if "_campus_outbox_editions" not in user.__dict__:
        user.__dict__["_campus_outbox_editions"] = edition_ids_with_role(user, Role.MANAGER)
    return user.__dict__["_campus_outbox_editions"]


def visible_messages(user, queryset):
    """``queryset`` narrowed to the messages ``user`` may see."""
    if not can_use_outbox(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    return queryset.filter(edition_id__in=_manager_edition_ids(user))


def can_act_on_message(user, message) -> bool:
    if not can_use_outbox(user):
        return False
    if message.edition_id is None:
        return user.is_superuser
    return is_manager(user, message.edition_id)


def managed_edition_ids(user) -> set[int]:
    return _manager_edition_ids(user) if can_use_outbox(user) else set()


def can_edit_template(user, *, edition_id) -> bool:
    """``edition_id`` None: the default template."""
    if not can_use_outbox(user):
        return False
    if edition_id is None:
        return user.is_superuser
    return is_manager(user, edition_id)


def can_edit_event_template(user, event: str, *, edition_id) -> bool:
    """May edit the text of the registered mail event ``event`` for ``edition_id`` (None: the default text)."""
    registered = mail.get(event)
    if registered is None or not can_edit_template(user, edition_id=edition_id):
        return False
    rule = registered.editable_by
    if rule is None:
        return True
    if callable(rule):
        return bool(rule(user, edition_id))
    return user.is_superuser or (edition_id is not None and has_role(user, edition_id, *rule))
