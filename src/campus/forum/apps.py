from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "campus.forum"
    label = "forum"
    verbose_name = "Forum and events"
    # Its mail events, jobs, links, seed and privacy handler are registered from plugin.py (campus.core.plugins).
