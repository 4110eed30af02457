from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "campus.applications"
    label = "applications"
    verbose_name = "Applications"

    def ready(self):
        from campus.programme.services import seed_edition_loaded

        from .seed import on_seed_edition_loaded

        seed_edition_loaded.connect(on_seed_edition_loaded, dispatch_uid="applications-seed-call")

        # The public pages show whether the call is open and its deadline: a changed call rebuilds them.
        from django.db.models.signals import post_delete, post_save

        from campus.core.content_version import bump

        from .models import Call

        post_save.connect(bump, sender=Call, dispatch_uid="content-version-save-Call")
        post_delete.connect(bump, sender=Call, dispatch_uid="content-version-delete-Call")
