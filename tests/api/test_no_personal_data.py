"""Nothing personal and nothing unpublished in any API response, whatever is in the database.

Applications (answers, CV, the applicant's account), contact messages, staff accounts and notes, a draft
FAQ entry and an edition being prepared are made with values that cannot occur by chance; then every
endpoint is read, every page at its largest, and none of those values may appear.
"""

import json
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from campus.applications.models import Answer, Application, Call
from campus.programme import services as programme_services
from campus.programme.models import FAQ, ContactMessage, Edition
from tests.applications.staff_factories import make_application

from .conftest import ALL_PATHS

pytestmark = pytest.mark.django_db

APPLICANT = {
    "first_name": "Zebulonia",
    "last_name": "Quistgaard-Private",
    "email": "zebulonia.private@applicant.example",
    "phone": "+358 40 987 6543",
    "organisation": "Secretive Cluster Org Oy",
    "role": "Chief Hidden Officer",
    "cluster_name": "HiddenClusterXyz",
    "cluster_website": "https://hidden-cluster.example",
    "motivation_letter": "My private motivation letter, never to be published: QWERTY-7731.",
    "project_management_description": "A private project description PRJ-5521.",
}
CONTACT = {
    "name": "Ottoline Contactperson",
    "email": "ottoline.contact@sender.example",
    "organisation": "Contacting Company GmbH",
    "topic": "other",
    "message": "A private message to the team, MSG-99812.",
}
STAFF_EMAIL = "staff.member.secret@team.example"
STAFF_NOTE = "Internal note about the sender NOTE-4471."
DRAFT_FAQ = "Draft FAQ not yet published DRAFT-3390?"
DRAFT_EDITION = "Edition being prepared PREP-2031"


@pytest.fixture
def personal_data(seeded):
    call = Call.objects.get(edition=seeded)
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()
    application = make_application(call, **APPLICANT)
    draft = make_application(call, email="draft.applicant@applicant.example", submit=False,
                             first_name="Draftina", last_name="Unsubmitted")
    message = programme_services.submit_contact_message(programme=seeded.programme, client="192.0.2.44", **CONTACT)
    ContactMessage.objects.filter(pk=message.pk).update(staff_note=STAFF_NOTE)
    get_user_model().objects.create_user(email=STAFF_EMAIL, password="a-long-password-1", is_staff=True,
                                         full_name="Stafford Secretmember")
    FAQ.objects.create(programme=seeded.programme, question=DRAFT_FAQ, answer="Hidden answer HID-1200.",
                       is_published=False)
    Edition.objects.create(
        programme=seeded.programme, name=DRAFT_EDITION, slug="prep-2031", capacity=20, published_at=None,
        application_deadline=date(2031, 4, 30), acceptance_letter_on=date(2031, 5, 29),
        hours_per_week_min=5, hours_per_week_max=9, admission_note="Secret admission note ADM-8080.",
    )
    secrets = [
        *APPLICANT.values(), *CONTACT.values(), STAFF_EMAIL, STAFF_NOTE, DRAFT_FAQ, DRAFT_EDITION,
        "Hidden answer HID-1200.", "Secret admission note ADM-8080.", "prep-2031",
        "Zebulonia Quistgaard-Private", "Stafford Secretmember", "draft.applicant@applicant.example", "Draftina",
        "192.0.2.44", application.reference, draft.reference,
    ]
    # The values really are in the database (else this test would prove nothing).
    assert Application.objects.get(pk=application.pk).state == "submitted"
    assert Application.objects.filter(full_name="Zebulonia Quistgaard-Private",
                                      organisation=APPLICANT["organisation"]).exists()
    stored = json.dumps([answer.value for answer in Answer.objects.filter(application=application)])
    assert APPLICANT["motivation_letter"] in stored and APPLICANT["phone"] in stored
    assert ContactMessage.objects.filter(message=CONTACT["message"], staff_note=STAFF_NOTE).exists()
    secrets.remove("other")  # the contact topic: a word of the public texts too
    return secrets


def all_responses(client):
    for path in ALL_PATHS:
        response = client.get(path)
        assert response.status_code == 200, path
        yield path, response


def strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, str):
        yield value


def test_no_personal_or_unpublished_value_in_any_response(client, personal_data):
    for path, response in all_responses(client):
        raw = response.content.decode()
        readable = json.dumps(response.json(), ensure_ascii=False)
        for secret in personal_data:
            assert secret not in raw and secret not in readable, (path, secret)
            assert secret.lower() not in readable.lower(), (path, secret)


def test_the_only_address_in_the_api_is_the_programme_contact_address(client, personal_data, seeded):
    public_address = seeded.programme.contact_email
    for path, response in all_responses(client):
        if path == "/api/openapi.json":
            continue
        for text in strings(response.json()):
            assert "@" not in text or text == public_address, (path, text)


def test_the_schema_names_no_personal_field(client, db):
    schema = client.get("/api/openapi.json").json()
    names = set(schema["components"]["schemas"])
    properties = {prop for component in schema["components"]["schemas"].values()
                  for prop in component.get("properties", {})}
    for word in ("Application", "Applicant", "Contact", "User", "Answer", "Document", "Account"):
        assert not any(word.lower() in name.lower() for name in names), word
    for field in ("email", "phone", "full_name", "first_name", "last_name", "staff_note", "is_published",
                  "password", "message", "reference", "applicant"):
        assert field not in properties, field
    assert "contact_email" in properties  # the one address: the team's public one
