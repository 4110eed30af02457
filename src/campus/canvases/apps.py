from django.apps import AppConfig


class CanvasesConfig(AppConfig):
    name = "campus.canvases"
    label = "canvases"
    verbose_name = "Strategy canvases"
    # Its participant and staff sections, mail event, privacy handler and submission kind come from plugin.py.
