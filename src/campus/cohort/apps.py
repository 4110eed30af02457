from django.apps import AppConfig


class CohortConfig(AppConfig):
    name = "campus.cohort"
    label = "cohort"
    verbose_name = "Cohort"

    def ready(self):
        from campus.admissions.signals import offer_accepted

        from .services import enrol_on_acceptance

        offer_accepted.connect(enrol_on_acceptance, dispatch_uid="cohort.enrol_on_acceptance")

        from django.contrib.auth.signals import user_logged_in

        from .selectors import note_in_session

        user_logged_in.connect(lambda sender, request, user, **kwargs: note_in_session(request, user),
                               dispatch_uid="cohort.note_in_session", weak=False)
