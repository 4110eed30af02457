from django.apps import AppConfig


class CourseworkConfig(AppConfig):
    name = "campus.coursework"
    label = "coursework"
    verbose_name = "Coursework"
    # Its staff section, participant sections, calendar provider, home block, mail event, certificate
    # criterion and privacy handler are registered from plugin.py (campus.core.plugins).
