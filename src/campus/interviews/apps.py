from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "campus.interviews"
    label = "interviews"
    verbose_name = "Interviews"
