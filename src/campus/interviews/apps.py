from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "campus.interviews"
    label = "interviews"
    verbose_name = "Interviews"
    # Its mail events, their attachment and its status section are registered from plugin.py (campus.core.plugins).

    def ready(self):
        from campus.applications.signals import application_withdrawn

        application_withdrawn.connect(_application_withdrawn, dispatch_uid="interviews.application_withdrawn")


def _application_withdrawn(sender, application, actor=None, **kwargs):
    """A withdrawn application's invitation is cancelled and its booked slot freed (the applications app
    knows nothing of interviews; it sends ``application_withdrawn``)."""
    from . import services

    services.application_withdrawn(application=application, actor=actor)
