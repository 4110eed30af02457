from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "campus.applications"
    label = "applications"
    verbose_name = "Applications"

    def ready(self):
        from campus.programme.services import seed_edition_loaded

        from .seed import on_seed_edition_loaded

        seed_edition_loaded.connect(on_seed_edition_loaded, dispatch_uid="applications-seed-call")
