from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "campus.coaching"
    label = "coaching"
    verbose_name = "Peer coaching"
    # Its staff and participant sections, home block and privacy handler are registered from plugin.py.
