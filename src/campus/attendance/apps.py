from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "campus.attendance"
    label = "attendance"
    verbose_name = "Attendance"
    # Its staff and participant sections, calendar provider, home block, certificate criterion and privacy
    # handler are registered from plugin.py (campus.core.plugins).
