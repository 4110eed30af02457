from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "campus.strategy"
    label = "strategy"
    verbose_name = "Cluster strategy"
    # Its participant and staff sections, mail event and privacy handler are registered from plugin.py.
