from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "campus.privacy"
    label = "privacy"
    verbose_name = "Privacy"
