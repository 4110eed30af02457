"""Background tasks of the ground floor."""

from django_tasks import task


@task()
def send_rendered_email(to: list[str], subject: str, body: str, html: str = "") -> int:
    """Send a message that was rendered in the request (e.g. an account verification link)."""
    from .mail import send_message

    return send_message(to=to, subject=subject, body=body, html=html)
