from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "campus.programme"
    label = "programme"
    verbose_name = "Programme content"

    def ready(self):
        from . import signals  # noqa: F401
