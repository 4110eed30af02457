from django.apps import AppConfig


class CohortConfig(AppConfig):
    name = "campus.cohort"
    label = "cohort"
    verbose_name = "Cohort"
