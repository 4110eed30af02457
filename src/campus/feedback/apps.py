from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "campus.feedback"
    label = "feedback"
    verbose_name = "Surveys"
