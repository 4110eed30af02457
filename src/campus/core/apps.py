from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "campus.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from .ids import register_lookups
        from .multipart import widen_part_headers
        from .plugins import autodiscover

        register_lookups()
        widen_part_headers()
        # After every app is loaded: each app's plugin.py registers its parts (campus.core.plugins).
        autodiscover()
