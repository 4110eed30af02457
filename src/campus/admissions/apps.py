from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    name = "campus.admissions"
    label = "admissions"
    verbose_name = "Admissions"
