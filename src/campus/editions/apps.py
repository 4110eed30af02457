from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "campus.editions"
    label = "editions"
    verbose_name = "Editions"
    # Its staff section is registered from plugin.py; the parts of a clone are registered by the apps that own
    # them (campus.core.plugins.clone). It has no models: a clone is rows of the other apps.
