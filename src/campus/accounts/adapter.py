"""django-allauth glued to the campus: account mail goes through the task queue, never the request."""

from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse

from campus.core.tasks import send_rendered_email

# allauth's wording where ours is clearer (the keys are allauth's error codes).
ERROR_MESSAGES = {
    "email_password_mismatch": "The email address or the password is not correct.",
    "too_many_login_attempts": (
        "Too many failed attempts to sign in with this address. Please wait a few minutes and try again, "
        "or reset your password."
    ),
    "enter_current_password": "Please type your current password.",
    "incorrect_password": "That password is not correct.",
    "rate_limited": "You are sending too many requests. Please wait a minute and try again.",
}


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {**DefaultAccountAdapter.error_messages, **ERROR_MESSAGES}

    def send_mail(self, template_prefix, email, context):
        # Rendered now, with the request (links, the programme's name); sent by the task worker after commit.
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        html = next(
            (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), ""
        )
        payload = {"to": list(message.to), "subject": message.subject, "body": message.body, "html": html}
        transaction.on_commit(lambda: send_rendered_email.enqueue(**payload))

    def respond_email_verification_sent(self, request, user):
        """After a sign-in attempt with an unconfirmed address, say so on the page (not only 'we sent a mail')."""
        url = reverse("account_email_verification_sent")
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "account_login":
            url += "?" + urlencode({"reason": "unverified"})
        return HttpResponseRedirect(url)
