from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "campus.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        # After every app is loaded: each app's plugin.py registers its parts (campus.core.plugins).
        from .plugins import autodiscover

        autodiscover()
