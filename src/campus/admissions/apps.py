from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    name = "campus.admissions"
    label = "admissions"
    verbose_name = "Admissions"

    def ready(self):
        # its mail events, attachment, status section and periodic job: plugin.py (campus.core.plugins)
        from campus.applications.signals import application_withdrawn, call_dates_shifted

        application_withdrawn.connect(_application_withdrawn, dispatch_uid="admissions.application_withdrawn")
        call_dates_shifted.connect(_call_dates_shifted, dispatch_uid="admissions.call_dates_shifted")


def _application_withdrawn(sender, application, actor=None, **kwargs):
    """A withdrawn application gives up its open or suggested offer (the applications app knows nothing of
    offers; it sends ``application_withdrawn``)."""
    from . import selectors, services

    if selectors.has_live_or_suggested_offer(application):
        services.application_withdrawn(application=application, actor=actor)


def _call_dates_shifted(sender, call, days, actor=None, **kwargs):
    """The call's later dates moved (``manage.py open_call``): a release moment set by hand moves with them (an
    unset one follows the acceptance-letter date by itself)."""
    from . import services

    services.shift_release(call=call, days=days, actor=actor)
