from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "campus.applications"
    label = "applications"
    verbose_name = "Applications"

    def ready(self):
        from campus.programme.services import seed_edition_loaded

        from .seed import on_seed_edition_loaded

        seed_edition_loaded.connect(on_seed_edition_loaded, dispatch_uid="applications-seed-call")

        # The public pages show whether the call is open and its deadline: a changed call rebuilds them; a call
        # and its questions are kept per content version for the applicant's pages (campus.core.content_memo).
        from django.db.models.signals import post_delete, post_save

        from campus.core.content_version import bump

        from .models import Call, Question

        for model in (Call, Question):
            post_save.connect(bump, sender=model, dispatch_uid=f"content-version-save-{model.__name__}")
            post_delete.connect(bump, sender=model, dispatch_uid=f"content-version-delete-{model.__name__}")
