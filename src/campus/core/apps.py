from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "campus.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from .ids import register_lookups

        register_lookups()
