from django.apps import AppConfig


class CommunicationsConfig(AppConfig):
    name = "campus.communications"
    label = "communications"
    verbose_name = "Communications"

    def ready(self):
        from datetime import timedelta

        from campus.core import periodic

        from . import services

        # queued messages whose send task was lost (a crash between the commit and the enqueue) get a new one
        periodic.register("communications.requeue_stale", services.requeue_stale, every=timedelta(minutes=5))
