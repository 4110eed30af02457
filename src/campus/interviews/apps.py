from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "campus.interviews"
    label = "interviews"
    verbose_name = "Interviews"

    def ready(self):
        from campus.applications.status import register_status_provider

        from .ics import attachment_for_message
        from .services import ICS_ATTACHMENT
        from .status import interview_section

        register_status_provider(interview_section)
        from campus.communications import services as outbox

        outbox.register_attachment(ICS_ATTACHMENT, attachment_for_message)
