from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "campus.news"
    label = "news"
    verbose_name = "News lists"
    # Its staff section, mail events (with their List-Unsubscribe headers), link, periodic job and privacy
    # handler are registered from plugin.py (campus.core.plugins).
