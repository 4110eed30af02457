from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "campus.review"
    label = "review"
    verbose_name = "Review"
