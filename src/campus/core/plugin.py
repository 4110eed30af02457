"""What core plugs into the shared parts: the Django admin's entry in the staff area (campus.core.plugins)."""

from .plugins import staff


def _is_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def may_edit_content(user) -> bool:
    """Staff who may open at least one model of the content editor (the Django admin); a module lead or
    reviewer without such a permission would find only "You don't have permission to view or edit anything"
    there, so the bar does not offer it. The permissions are read once per request (Django caches them)."""
    if not _is_staff(user):
        return False
    if user.is_superuser:
        return True
    from django.contrib import admin

    needed = {f"{model._meta.app_label}.{action}_{model._meta.model_name}"
              for model in admin.site._registry for action in ("view", "change")}
    # has_perm, not get_all_permissions: the team roles' backend is asked nothing (it answers only "team.…")
    return any(user.has_perm(perm) for perm in sorted(needed))


staff.register(staff.StaffSection(
    title="Content and data", url_name="admin:index", order=60, predicate=may_edit_content,
    description="Public content of the programme site (modules, meetups, FAQ, pages) and raw data.",
))
