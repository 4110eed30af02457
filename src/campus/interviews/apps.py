from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "campus.interviews"
    label = "interviews"
    verbose_name = "Interviews"
    # Its mail events, their attachment and its status section are registered from plugin.py (campus.core.plugins).
