from django.apps import AppConfig


class CommunicationsConfig(AppConfig):
    name = "campus.communications"
    label = "communications"
    verbose_name = "Communications"
    # Its periodic job is registered from plugin.py (campus.core.plugins).
