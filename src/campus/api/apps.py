from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "campus.api"
    label = "campus_api"
    verbose_name = "Public API"
