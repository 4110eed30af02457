"""Accepting a place: a real confirmation (letter and mail) with what happens next; declining: a mail that says
so; the offer letter signed by a named contact person (the call's admission settings, staff-editable)."""

import pytest

from campus.admissions import services
from campus.admissions.models import Offer
from campus.communications import services as outbox
from campus.communications.models import OutboxMessage
from campus.programme.models import Meetup

from .conftest import bulk_applications
from .test_letters import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def welcome(call):
    config = services.settings_for(call)
    config.contact_name, config.contact_role = "Eva Esimerkki", "Project coordinator"
    config.contact_email, config.contact_phone = "eva.esimerkki@example.fi", "+358 40 123 4567"
    config.travel_note = "Fly to Copenhagen, then take the train to Karlshamn."
    config.accommodation_note = "Your room at the Scandic Hotel is booked and paid."
    config.save()
    return config


@pytest.fixture
def offer(call, team_manager):
    application = bulk_applications(call, 1)[0]
    application.full_name, application.organisation = "Aino Virtanen", "Ostrobothnia Energy Cluster"
    application.save()
    services.stage_decisions(call=call, decisions={application.pk: ("admit", None)}, actor=team_manager)
    services.release(call=call, actor=team_manager)
    return Offer.objects.get(application=application)


def test_accepting_sends_a_confirmation_of_the_place_with_what_happens_next(offer, welcome, call):
    first = Meetup.objects.filter(module__edition=call.edition).order_by("starts_at").first()
    services.accept_offer(offer=offer, actor=offer.application.applicant)
    message = OutboxMessage.objects.get(event="place_confirmed")
    assert message.state == OutboxMessage.State.QUEUED and message.recipient == offer.application.applicant
    assert message.body.startswith("Dear Aino Virtanen,\n\nThank you for accepting your place")
    local = first.local_start
    assert f"{first.title}, {local:%A} {local.day} {local:%B %Y}, {local:%H:%M}" in message.body
    assert f"({local:%Z}, {first.timezone})" in message.body
    assert "Fly to Copenhagen" in message.body and "Scandic Hotel" in message.body
    assert "booklet profile" in message.body
    assert "Eva Esimerkki, Project coordinator: eva.esimerkki@example.fi · +358 40 123 4567" in message.body
    [(filename, content, _type)] = outbox.attachments_of(message)
    assert filename == f"place-confirmation-{offer.application.reference}.pdf"
    assert "is confirmed" in text_of(content)
    # accepting twice sends nothing more
    services.accept_offer(offer=offer, actor=offer.application.applicant)
    assert OutboxMessage.objects.filter(event="place_confirmed").count() == 1


def test_after_accepting_the_letter_downloaded_is_the_confirmation_not_the_offer(offer, welcome, call, client):
    owner = offer.application.applicant
    client.force_login(owner)
    before = client.get("/apply/offer/letter.pdf")
    assert "Please reply by" in text_of(before.content)
    services.accept_offer(offer=offer, actor=owner)
    response = client.get("/apply/offer/letter.pdf")
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        f'attachment; filename="place-confirmation-{offer.application.reference}.pdf"')
    text = text_of(response.content)
    assert "Please reply by" not in text and "Accept or decline" not in text
    assert f"Your place in the {call.edition.programme.short_name} {call.edition.name} is confirmed" in text
    assert "Dear Aino Virtanen," in text
    assert "The first meetup" in text.title() or "THE FIRST MEETUP" in text
    assert "Fly to Copenhagen" in text and "Scandic Hotel" in text
    assert "You will be asked to fill in your booklet profile" in text
    assert "eva.esimerkki@example.fi" in text and "Eva Esimerkki" in text
    offer.refresh_from_db()
    name = offer.confirmation.name
    assert name and services.ensure_confirmation(offer=offer).confirmation.name == name  # made once
    status = client.get("/apply/status/").content.decode()
    assert "Confirmation of your place (PDF)" in status
    # someone else gets no confirmation of anybody's place
    other = bulk_applications(call, 1, prefix="other")[0].applicant
    client.force_login(other)
    assert client.get("/apply/offer/letter.pdf").status_code == 404


def test_a_confirmation_without_notes_or_contact_names_the_team(offer, call):
    services.accept_offer(offer=offer, actor=offer.application.applicant)
    offer = services.ensure_confirmation(offer=offer)
    with offer.confirmation.open("rb") as handle:
        text = text_of(handle.read())
    programme = call.edition.programme
    assert f"The {programme.short_name} team" in text and programme.contact_email in text
    assert "TRAVEL" not in text and "ACCOMMODATION" not in text


def test_declining_sends_a_mail_that_says_so(offer, call):
    services.decline_offer(offer=offer, actor=offer.application.applicant)
    message = OutboxMessage.objects.get(event="offer_declined")
    assert message.state == OutboxMessage.State.QUEUED and message.recipient == offer.application.applicant
    assert message.body.startswith("Dear Aino Virtanen,\n\nThank you for letting us know that you decline")
    assert offer.application.reference in message.body
    assert message.attachment == ""
    services.decline_offer(offer=offer, actor=offer.application.applicant)
    assert OutboxMessage.objects.filter(event="offer_declined").count() == 1
    assert not OutboxMessage.objects.filter(event="place_confirmed").exists()


def test_the_offer_letter_is_signed_by_the_named_contact(offer, welcome):
    offer = services.ensure_letter(offer=offer)
    with offer.letter.open("rb") as handle:
        text = text_of(handle.read())
    assert "Kind regards, Eva Esimerkki Project coordinator" in text
    assert "eva.esimerkki@example.fi" in text and "+358 40 123 4567" in text


def test_managers_edit_the_contact_and_notes_in_the_admission_settings(manager_client, call):
    response = manager_client.post(f"/staff/admissions/{call.pk}/settings/", {
        "offer_reply_days": 14, "promotion": "automatic", "contact_name": "Eva Esimerkki",
        "contact_role": "Project coordinator", "contact_email": "eva@example.fi", "contact_phone": "",
        "travel_note": "Trains from Copenhagen.", "accommodation_note": "",
    })
    assert response.status_code == 302
    config = services.settings_for(call)
    assert (config.contact_name, config.contact_email, config.travel_note) == (
        "Eva Esimerkki", "eva@example.fi", "Trains from Copenhagen.")


def test_bad_contact_data_is_named_at_its_field_and_nothing_typed_is_lost(manager_client, call):
    response = manager_client.post(f"/staff/admissions/{call.pk}/settings/", {
        "offer_reply_days": 14, "promotion": "automatic", "contact_name": "<script>x</script>",
        "contact_email": "not an address", "travel_note": "Trains from Copenhagen.",
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert "Write plain text" in html and "Enter a valid email address." in html
    assert "Trains from Copenhagen." in html and "not an address" in html
    assert services.settings_for(call).contact_name == ""


def test_after_accepting_the_staff_application_page_links_the_confirmation_of_the_place(offer, welcome, call,
                                                                                         team_manager, client):
    from django.contrib.auth.models import Permission

    team_manager.user_permissions.add(*Permission.objects.filter(codename__in=("view_application", "view_document")))
    manager_client = client
    manager_client.force_login(team_manager)
    services.ensure_letter(offer=offer)
    page_url = f"/staff/applications/{offer.application.pk}/"
    confirmation = f"/staff/admissions/{call.pk}/offers/{offer.pk}/confirmation.pdf"
    page = manager_client.get(page_url).content.decode()
    assert "offer letter (PDF)" in page and confirmation not in page
    assert manager_client.get(confirmation).status_code == 404  # not accepted yet: no confirmation
    services.accept_offer(offer=offer, actor=offer.application.applicant)
    page = manager_client.get(page_url).content.decode()
    assert f'<a href="{confirmation}">confirmation of the place (PDF)</a>' in page
    response = manager_client.get(confirmation)
    assert response.status_code == 200 and response["Cache-Control"].startswith("private, no-store")
    assert response["Content-Disposition"] == (
        f'attachment; filename="place-confirmation-{offer.application.reference}.pdf"')
    text = text_of(response.content)
    assert "is confirmed" in text and "Please reply by" not in text
    # the applicant cannot open the staff copy
    manager_client.force_login(offer.application.applicant)
    assert manager_client.get(confirmation).status_code == 404
