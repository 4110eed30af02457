"""django-allauth glued to the campus: account mail goes through the task queue, never the request."""

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction

from campus.core.tasks import send_rendered_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = next((content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
        payload = {"to": list(message.to), "subject": message.subject, "body": message.body, "html": html}
        transaction.on_commit(lambda: send_rendered_email.enqueue(**payload))
