""""No mail for internal steps": only the outbox (compose) makes mail to applicants and reviewers.

Every module that can send mail is named here with the reason; a new one (say, a review or admissions
service calling send_message or a task of core) fails this test: it must go through
campus.communications.services.compose instead.
"""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "campus"
SENDING = re.compile(
    r"\b(send_message|send_mail|send_mass_mail|mail_admins|mail_managers|EmailMessage|EmailMultiAlternatives"
    r"|send_rendered_email|get_connection\(\))"
)
ALLOWED = {
    "core/mail.py": "the plumbing itself",
    "core/tasks.py": "the task that sends the account mails of allauth (verification, password reset)",
    "accounts/adapter.py": "allauth's account mails (the person asked for them)",
    "programme/services.py": "the contact form's note to the team (not to an applicant)",
    "communications/services.py": "the outbox",
}


def test_only_the_outbox_and_the_listed_plumbing_send_mail():
    offenders = []
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        if "/migrations/" in relative or relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("#", 1)[0]
            if SENDING.search(code) and "connection.get_connection_params" not in code:
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert not offenders, "Mail outside the outbox (use campus.communications.services.compose):\n" + "\n".join(
        offenders)


def test_the_applications_app_mails_through_the_outbox():
    text = (SRC / "applications" / "services.py").read_text()
    assert "outbox.compose(" in text and "send_message" not in text
