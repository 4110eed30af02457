from django.apps import AppConfig
from django.db.models.signals import post_save


class AdmissionsConfig(AppConfig):
    name = "campus.admissions"
    label = "admissions"
    verbose_name = "Admissions"

    def ready(self):
        from campus.applications.status import register_status_provider
        from campus.communications import services as outbox

        from . import letters, status

        register_status_provider(status.offer_section)
        outbox.register_attachment("acceptance_letter", letters.attachment)
        post_save.connect(_application_saved, sender="applications.Application",
                          dispatch_uid="admissions.application_saved")

        from datetime import timedelta

        from campus.core import periodic

        from . import services

        # release due calls, expire offers past their reply-by moment (promoting the next), 48-hour reminders
        periodic.register("admissions.tick", services.tick, every=timedelta(minutes=1))


def _application_saved(sender, instance, **kwargs):
    """A withdrawn application gives up its offer (the applications app knows nothing of offers)."""
    if instance.state != "withdrawn":
        return
    from .models import Offer
    from .services import application_withdrawn

    if Offer.objects.filter(application_id=instance.pk, state__in=["open", "suggested"]).exists():
        application_withdrawn(application=instance, actor=None)
