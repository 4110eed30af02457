from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "campus.core"
    label = "core"
    verbose_name = "Core"
