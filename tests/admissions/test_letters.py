"""The acceptance letter: a PDF with the edition's facts and the person's name, made once, attached to the
offer mail, downloadable by its owner only."""

import io
import time

import pytest
from pypdf import PdfReader

from campus.admissions import services
from campus.admissions.models import Offer
from campus.communications import services as outbox
from campus.communications.models import OutboxMessage

from .conftest import bulk_applications


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def offer(call, team_manager):
    application = bulk_applications(call, 1)[0]
    application.full_name, application.organisation = "Aino Virtanen", "Ostrobothnia Energy Cluster"
    application.save()
    services.stage_decisions(call=call, decisions={application.pk: ("admit", None)}, actor=team_manager)
    services.release(call=call, actor=team_manager)
    return Offer.objects.get(application=application)


def test_the_letter_holds_the_edition_facts_and_the_name(offer, call):
    started = time.perf_counter()
    offer = services.ensure_letter(offer=offer)
    elapsed = time.perf_counter() - started
    assert elapsed < 2, elapsed  # one typst compile; the bench needs 500 in 30 s
    with offer.letter.open("rb") as handle:
        text = text_of(handle.read())
    edition = call.edition
    assert "Aino Virtanen" in text and "Ostrobothnia Energy Cluster" in text
    assert edition.programme.name.split()[0] in text and edition.name in text
    for module in edition.modules.all():
        assert module.city in text
    assert f"{edition.capacity} cluster managers" in text
    assert "Please reply by" in text
    name = offer.letter.name
    assert services.ensure_letter(offer=offer).letter.name == name  # made once


def test_the_letter_is_attached_to_the_offer_mail(offer):
    message = OutboxMessage.objects.get(event="offer")
    assert message.attachment == "acceptance_letter" and message.related_id == str(offer.pk)
    [(filename, content, mimetype)] = outbox.attachments_of(message)
    assert filename.endswith(".pdf") and mimetype == "application/pdf"
    assert "Aino Virtanen" in text_of(content)


def test_the_letter_downloads_for_its_owner_only(offer, client, django_user_model):
    owner = offer.application.applicant
    client.force_login(owner)
    response = client.get("/apply/offer/letter.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Aino Virtanen" in text_of(response.content)
    other = bulk_applications(offer.application.call, 1, prefix="other")[0].applicant
    client.force_login(other)
    assert client.get("/apply/offer/letter.pdf").status_code == 404
    client.logout()
    assert client.get("/apply/offer/letter.pdf").status_code == 302


def test_managers_download_the_letter_from_the_board(offer, call, client, team_manager, django_user_model):
    from campus.team.models import TeamMembership

    client.force_login(team_manager)
    board = client.get(f"/staff/admissions/{call.pk}/").content.decode()
    url = f"/staff/admissions/{call.pk}/offers/{offer.pk}/letter.pdf"
    assert url in board
    response = client.get(url)
    assert response.status_code == 200 and "Aino Virtanen" in text_of(response.content)
    reviewer = django_user_model.objects.create_user(email="rev@example.org", password="x-long-pass-1", is_staff=True)
    TeamMembership.objects.create(edition=call.edition, user=reviewer, role="reviewer")
    client.force_login(reviewer)
    assert client.get(url).status_code == 404
