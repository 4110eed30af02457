"""People whose data could leak, made through the site's own flows, and a way to look at every byte held.

``aino`` signs up through the real form (a mail task with her address is queued), confirms, adds a second
address, applies through the applicant pages with a CV and a letter, writes through the contact form from
her second address (in other letters' case), is talked about by staff (an eligibility override and a
request for more information naming her, an export filtered by her surname, content-editor log entries),
downloads her data and has it downloaded by staff. ``jonas`` is another applicant, who must keep everything.
"""

import base64
import json
import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from campus.applications import services as application_services
from campus.applications.models import Application
from campus.programme import services as programme_services
from campus.programme.models import ContactMessage
from tests.applications.conftest import GOOD_ANSWERS, call, pdf_bytes  # noqa: F401  (call is a fixture)
from tests.applications.staff_factories import make_application
from tests.core.upload_corpus import docx_bytes

PASSWORD = "kelp-harbour-lantern-42"
AINO_EMAIL = "aino@example.fi"
AINO_SECOND = "aino.virtanen@energy-vaasa.example.fi"
AINO_PHONE = "+358 40 123 4567"
AINO_CV = pdf_bytes("CV of Aino Virtanen, secret salary 9000")
AINO_LETTER = docx_bytes()
# Everything that identifies Aino: none of it may remain anywhere after her erasure.
AINO_SECRETS = [
    "Aino", "Virtanen", AINO_EMAIL, "energy-vaasa.example", AINO_PHONE, "123 4567", "Ostrobothnia", "EnergyVaasa",
    "Interreg", "changed jobs", "call me back", "aino-cv", "aino-letter",
]
JONAS_EMAIL = "jonas@example.lt"


def make_privacy_officer(email="privacy.officer@example.org", *, superuser=False, permission=True):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(email=email, password=PASSWORD, full_name="Super User")
    user = User.objects.create_user(email=email, password=PASSWORD, is_staff=True, full_name="Privacy Officer")
    if permission:
        user.user_permissions.add(Permission.objects.get(codename="handle_requests", content_type__app_label="privacy"))
    return user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@dataclass
class Person:
    user: object
    client: Client
    application: Application
    contact: ContactMessage


@pytest.fixture
def officer(db):
    return make_privacy_officer()


@pytest.fixture
def officer_client(officer):
    return signed_in(officer)


@pytest.fixture
def aino(call, django_capture_on_commit_callbacks, run_tasks) -> Person:  # noqa: F811
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", {"email": AINO_EMAIL, "password1": PASSWORD, "password2": PASSWORD,
                                                     "given_name": "Aino", "family_name": "Virtanen"})
    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(email=AINO_EMAIL)
    EmailAddress.objects.filter(user=user).update(verified=True, primary=True)
    EmailAddress.objects.create(user=user, email=AINO_SECOND, verified=True, primary=False)
    client.force_login(user)

    assert client.post("/apply/begin/").status_code == 302
    files = {"cv": {"cv-file": SimpleUploadedFile("aino-cv.pdf", AINO_CV)},
             "motivation": {"letter-file": SimpleUploadedFile("aino-letter.docx", AINO_LETTER)}}
    answers = {**GOOD_ANSWERS, "motivation": {"motivation_letter": "Please call me back about Interreg."}}
    for step, data in answers.items():
        response = client.post(f"/apply/step/{step}/", {**data, **files.get(step, {})})
        assert response.status_code == 302, (step, response.content.decode()[:2000])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/apply/submit/")["Location"] == "/apply/status/"
    application = Application.objects.get(applicant=user)

    with django_capture_on_commit_callbacks(execute=True):
        contact = programme_services.submit_contact_message(
            programme=call.edition.programme, name="Aino Virtanen", email=AINO_SECOND.upper(),
            organisation="Ostrobothnia Energy Cluster", topic="other",
            message=f"Please call me back on {AINO_PHONE}.", client="192.0.2.7",
        )
    run_tasks()  # the receipt and the contact notification go out; the sign-up mail too

    staff = make_privacy_officer("team.lead@example.org", permission=False)
    application_services.override_eligibility(
        application=application, status="eligible", reason=f"Aino Virtanen confirmed by phone ({AINO_PHONE}).",
        actor=staff,
    )
    application_services.request_more_information(
        application=application, message="Dear Aino Virtanen, please add your Interreg results.",
        until=timezone.now() + timedelta(days=5), actor=staff,
    )
    application_services.record_export(call=call, fmt="csv", count=1, filters={"q": "Virtanen"}, actor=staff)
    for obj in (user, contact):
        LogEntry.objects.create(
            user=staff, content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk),
            object_repr=str(obj), action_flag=CHANGE, change_message=json.dumps([{"changed": {"fields": ["Name"]}}]),
        )
    application.refresh_from_db()
    return Person(user=user, client=client, application=application, contact=contact)


@pytest.fixture
def jonas(call):  # noqa: F811
    return make_application(
        call, email=JONAS_EMAIL, first_name="Jonas", last_name="Petraitis", organisation="Kaunas IT Cluster",
        country_of_residence="LT", phone="+370 600 12345", cluster_name="KITC",
        cluster_website="https://kitc.example.lt",
        project_management_description="Two EU projects.", motivation_letter="I want to learn scouting.",
        languages="Lithuanian",
    )


# --- looking at everything ------------------------------------------------------------------------


def database_text() -> str:
    """Every row of every table as text, sessions decoded, JSON also with its escapes undone."""
    from django.contrib.sessions.models import Session

    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                chunks.append(f"{table}: " + " | ".join(_text(value) for value in row))
    for session in Session.objects.all():
        chunks.append("session: " + json.dumps(session.get_decoded(), ensure_ascii=False))
        try:
            chunks.append(base64.b64decode(session.session_data.split(":")[0] + "==").decode("utf-8", "replace"))
        except ValueError:
            pass
    return "\n".join(chunks)


def _text(value) -> str:
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    text = str(value)
    if "\\u" in text:
        try:
            text += " " + json.loads(json.dumps(text).replace("\\\\u", "\\u"))
        except ValueError:
            pass
    return text


def media_files(root) -> list[Path]:
    return [Path(folder) / name for folder, _dirs, names in os.walk(root) for name in names]


def leaks(text: str, secrets) -> list[str]:
    lowered = text.lower()
    return [secret for secret in secrets if secret.lower() in lowered]


# --- review and admission: what the team holds about Aino, and about a reviewer ---------------------------

REVIEWER_EMAIL = "riitta.rautiainen@example.org"
# Everything of Aino's that review and admission hold, one marker per field: none may remain after her erasure.
AINO_REVIEW_SECRETS = [
    "kelpie-team", "kelpie-applicant", "kelpie-interview", "kelpie-invite", "kelpie-note", "kelpie-letter",
    "kelpie-subject", "kelpie-body", "kelpie-queued", "kelpie-draft", "kelpie-error", "kelpie-conflict",
    "kelpie-staged",
]
AINO_LETTER_PDF = pdf_bytes("Acceptance letter for Aino Virtanen kelpie-letter")
REVIEWER_SECRETS = ["Riitta", "Rautiainen", REVIEWER_EMAIL]


@dataclass
class ReviewWorld:
    reviewer: object
    manager: object
    other_reviewer: object
    review: object
    interview: object
    jonas_review: object
    invitation: object
    slot: object
    decision: object
    offer: object | None
    participant: object | None
    messages: dict


def make_team_member(email, full_name, edition, *roles):
    from campus.team.models import TeamMembership

    user = get_user_model().objects.create_user(email=email, password=PASSWORD, is_staff=True, full_name=full_name)
    for role in roles:
        TeamMembership.objects.create(edition=edition, user=user, role=role)
    return user


def review_and_admission(aino: Person, jonas, *, released: bool = True) -> ReviewWorld:
    """Rows of every new app about Aino (made with the ORM; the services have their own tests), each text with
    a marker. ``released``: her decision (admit) is released, with an accepted offer, a letter and a participant
    record; else it is only staged, and the offer mail only a draft."""
    from django.core.files.base import ContentFile

    from campus.admissions.models import Decision, Offer
    from campus.cohort.models import Participant
    from campus.communications.models import OutboxMessage
    from campus.core.activity import log_activity
    from campus.interviews.models import InterviewSlot, Invitation
    from campus.review.models import ConflictOfInterest, Criterion, Review, ReviewAssignment, Score

    application = aino.application
    call = application.call
    edition = call.edition
    now = timezone.now()
    reviewer = make_team_member(REVIEWER_EMAIL, "Riitta Rautiainen", edition, "reviewer", "interviewer")
    manager = make_team_member("mikko.manager@example.org", "Mikko Manager", edition, "manager")
    other = make_team_member("olli.other@example.org", "Olli Other", edition, "reviewer")
    relevance = Criterion.objects.create(call=call, name="Relevance", weight=2, order=1)
    experience = Criterion.objects.create(call=call, name="Experience", weight=1, order=2)
    talk = Criterion.objects.create(call=call, kind="interview", name="Communication", weight=1)

    def review(of, by, kind, scores, team, applicant, total):
        made = Review.objects.create(application=of, reviewer=by, kind=kind, recommendation="yes", total=total,
                                     comment_team=team, comment_applicant=applicant, submitted_at=now)
        for criterion, value in scores:
            Score.objects.create(review=made, criterion=criterion, value=value)
        return made

    ReviewAssignment.objects.create(application=application, reviewer=reviewer, assigned_by=manager)
    ReviewAssignment.objects.create(application=jonas, reviewer=reviewer, assigned_by=manager)
    ConflictOfInterest.objects.create(application=application, reviewer=other,
                                      reason="Aino Virtanen is my cousin (kelpie-conflict)")
    ConflictOfInterest.objects.create(application=jonas, reviewer=reviewer, reason="Worked with Kaunas IT once")
    world = ReviewWorld(
        reviewer=reviewer, manager=manager, other_reviewer=other,
        review=review(application, reviewer, "review", [(relevance, 5), (experience, 4)],
                      "Aino Virtanen knows Interreg inside out (kelpie-team). Riitta Rautiainen",
                      "Your Interreg work is impressive (kelpie-applicant).", "4.67"),
        interview=review(application, manager, "interview", [(talk, 4)], "Calm (kelpie-interview)", "", "4.00"),
        jonas_review=review(jonas, reviewer, "review", [(relevance, 3), (experience, 3)],
                            "Jonas is less experienced than Aino Virtanen.", "Solid cluster work in Kaunas.", "3.00"),
        invitation=Invitation.objects.create(application=application, invited_by=manager,
                                             message="Dear Aino, we look forward to meeting you (kelpie-invite)."),
        slot=InterviewSlot.objects.create(call=call, starts_at=now + timedelta(days=10),
                                          ends_at=now + timedelta(days=10, minutes=30), timezone="Europe/Helsinki",
                                          place="Vaasa Energy House", online_link="https://meet.example.org/slot-1",
                                          booked_by=application, booked_at=now),
        decision=Decision.objects.create(application=application, outcome="admit", staged_by=manager,
                                         note="Aino Virtanen: first choice (kelpie-note)",
                                         released_at=now if released else None),
        offer=None, participant=None, messages={},
    )
    world.slot.panel.add(reviewer, manager)
    log_activity(action="admissions.decision_staged", target=application, actor=manager,
                 **{"from": "no decision", "to": "admit", "why": "kelpie-staged"})

    def message(key, event, state, subject, body, **fields):
        defaults = {"edition": edition, "recipient": aino.user, "to_email": AINO_EMAIL, "created_by": manager}
        world.messages[key] = OutboxMessage.objects.create(
            event=event, state=state, subject=subject, body=body, dedupe_key=f"test:{key}",
            **{**defaults, **fields})

    message("draft", "waitlisted", "draft", "Draft for Aino", "Dear Aino Virtanen (kelpie-draft)")
    message("failed", "interview_invitation", "failed", "Your interview", "Dear Aino, book a slot.",
            error="550 <aino@example.fi>: no such mailbox (kelpie-error)", to_email=AINO_SECOND, recipient=None)
    message("to_team", "review_reminder", "sent", "Aino Virtanen accepted",
            "Aino Virtanen (Ostrobothnia Energy Cluster, EnergyVaasa) accepted her place.", recipient=manager, to_email=manager.email, sent_at=now)
    message("to_reviewer", "review_reminder", "sent", "Reviews outstanding", "You have 1 review to write.",
            recipient=reviewer, to_email=REVIEWER_EMAIL, sent_at=now)
    if released:
        world.offer = Offer.objects.create(application=application, state="accepted", made_at=now,
                                           reply_by=now + timedelta(days=14), responded_at=now)
        world.offer.letter.save("acceptance-letter.pdf", ContentFile(AINO_LETTER_PDF))
        world.participant = Participant.objects.create(edition=edition, user=aino.user, application=application)
        message("offer", "offer", "sent", "Your place, Aino Virtanen (kelpie-subject)",
                "Dear Aino Virtanen, welcome (kelpie-body).", sent_at=now, queued_at=now,
                related_type="admissions.offer", related_id=str(world.offer.pk), attachment="acceptance_letter")
        message("queued", "reminder", "queued", "Action required", "Reply, Aino (kelpie-queued).", queued_at=now)
    else:
        Offer.objects.create(application=application, state="suggested", via="promotion")
    return world
