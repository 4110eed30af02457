from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "campus.assessment"
    label = "assessment"
    verbose_name = "Technology-assessment boards"
    # Its participant section, privacy handler and signal promotion are registered from plugin.py.
