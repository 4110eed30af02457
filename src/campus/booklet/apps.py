from django.apps import AppConfig


class BookletConfig(AppConfig):
    name = "campus.booklet"
    label = "booklet"
    verbose_name = "Booklet"
    # Its staff section, participant section, home block, links, directory hook and privacy handler are
    # registered from plugin.py (campus.core.plugins).
