from django.apps import AppConfig


class CohortConfig(AppConfig):
    name = "campus.cohort"
    label = "cohort"
    verbose_name = "Cohort"

    def ready(self):
        from campus.admissions.signals import offer_accepted

        from .services import enrol_on_acceptance

        offer_accepted.connect(enrol_on_acceptance, dispatch_uid="cohort.enrol_on_acceptance")
