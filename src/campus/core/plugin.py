"""What core plugs into the shared parts: the Django admin's entry in the staff area (campus.core.plugins)."""

from .plugins import staff


def _is_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


staff.register(staff.StaffSection(
    title="Content and data", url_name="admin:index", order=60, predicate=_is_staff,
    description="Public content of the programme site (modules, meetups, FAQ, pages) and raw data.",
))
