from django.apps import AppConfig


class RadarsConfig(AppConfig):
    name = "campus.radars"
    label = "radars"
    verbose_name = "Technology radars"
    # Its participant and staff sections and its privacy handler are registered from plugin.py.
