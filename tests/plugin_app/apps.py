from django.apps import AppConfig


class FieldNotesConfig(AppConfig):
    name = "tests.plugin_app"
    label = "field_notes"
    verbose_name = "Field notes (a test app)"
