from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    name = "campus.admissions"
    label = "admissions"
    verbose_name = "Admissions"

    def ready(self):
        from campus.applications.signals import application_withdrawn
        from campus.applications.status import register_status_provider
        from campus.communications import services as outbox

        from . import letters, status

        register_status_provider(status.offer_section)
        outbox.register_attachment("acceptance_letter", letters.attachment)
        application_withdrawn.connect(_application_withdrawn, dispatch_uid="admissions.application_withdrawn")

        from datetime import timedelta

        from campus.core import periodic

        from . import services

        # release due calls, expire offers past their reply-by moment (promoting the next), 48-hour reminders
        periodic.register("admissions.tick", services.tick, every=timedelta(minutes=1))


def _application_withdrawn(sender, application, actor=None, **kwargs):
    """A withdrawn application gives up its open or suggested offer (the applications app knows nothing of
    offers; it sends ``application_withdrawn``)."""
    from . import selectors, services

    if selectors.has_live_or_suggested_offer(application):
        services.application_withdrawn(application=application, actor=actor)
