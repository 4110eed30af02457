from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "campus.review"
    label = "review"
    verbose_name = "Review"

    def ready(self):
        from campus.programme.services import seed_edition_loaded

        from .seed import on_seed_edition_loaded

        # connected after the applications app (INSTALLED_APPS order): the seed call exists when this runs
        seed_edition_loaded.connect(on_seed_edition_loaded, dispatch_uid="review-seed")
        # its mail event and periodic job: plugin.py (campus.core.plugins)
