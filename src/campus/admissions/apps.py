from django.apps import AppConfig
from django.db.models.signals import post_save


class AdmissionsConfig(AppConfig):
    name = "campus.admissions"
    label = "admissions"
    verbose_name = "Admissions"

    def ready(self):
        # its mail events, attachment, status section and periodic job: plugin.py (campus.core.plugins)
        post_save.connect(_application_saved, sender="applications.Application",
                          dispatch_uid="admissions.application_saved")


def _application_saved(sender, instance, **kwargs):
    """A withdrawn application gives up its offer (the applications app knows nothing of offers)."""
    if instance.state != "withdrawn":
        return
    from .models import Offer
    from .services import application_withdrawn

    if Offer.objects.filter(application_id=instance.pk, state__in=["open", "suggested"]).exists():
        application_withdrawn(application=instance, actor=None)
