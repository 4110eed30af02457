from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "campus.forum"
    label = "forum"
    verbose_name = "Forum and events"
    # Its mail events, jobs, page link and privacy handler are registered from plugin.py (campus.core.plugins).

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from campus.core.content_version import bump
        from campus.programme.services import seed_edition_loaded

        from .models import AgendaSession, Event
        from .seed import on_seed_edition_loaded

        seed_edition_loaded.connect(on_seed_edition_loaded, dispatch_uid="forum-seed-event")
        # Events and their agenda are public content: a change rebuilds the cached pages.
        for model in (Event, AgendaSession):
            post_save.connect(bump, sender=model, dispatch_uid=f"content-version-save-forum-{model.__name__}")
            post_delete.connect(bump, sender=model, dispatch_uid=f"content-version-delete-forum-{model.__name__}")
