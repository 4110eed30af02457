from django.apps import AppConfig


class ScanningConfig(AppConfig):
    name = "campus.scanning"
    label = "scanning"
    verbose_name = "Signal scanning"
    # Its participant section and privacy handler are registered from plugin.py.
