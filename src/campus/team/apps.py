from django.apps import AppConfig


class TeamConfig(AppConfig):
    name = "campus.team"
    label = "team"
    verbose_name = "Team roles"
