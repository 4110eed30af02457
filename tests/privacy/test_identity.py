"""Only a confirmed address identifies a person (issue 9, findings 1 and 2), tested with two accounts whose data
could mix: Aino (A) has a receipt, a contact message, outbox mail and an active session; Mark (B) adds Aino's
addresses to his account without confirming them, downloads his data, asks to be erased and is approved.
Nothing of Aino's may reach Mark's download, and Mark's erasure may not touch anything of Aino's."""

import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

from campus.communications.models import OutboxMessage
from campus.communications.privacy_handler import SENT_STATES
from campus.communications.privacy_handler import messages_to as outbox_messages_of
from campus.privacy import selectors
from campus.privacy.erasure_plan import plan_erasure
from campus.privacy.models import ErasureRequest
from campus.programme.models import ContactMessage
from campus.programme.privacy_handler import contact_messages_of

from .conftest import AINO_EMAIL, AINO_SECOND, PASSWORD, leaks, signed_in

pytestmark = pytest.mark.django_db

MARK_EMAIL = "mark.tall@example.ee"
# What is Aino's alone: none of it may be in Mark's download or on his pages.
AINO_ONLY = ["Aino", "Virtanen", AINO_SECOND, "call me back", "Ostrobothnia", "Interreg"]


def zip_data(response) -> dict:
    assert response.status_code == 200, response.content[:2000]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return json.loads(archive.read("data.json"))


def address_only_mail(aino) -> OutboxMessage:
    """A mail to Aino's address without an account link (as the team writes to a contact-form address)."""
    return OutboxMessage.objects.create(
        edition=aino.application.call.edition, event="reminder", state="sent", recipient=None,
        to_email=AINO_SECOND, subject="About your message", body="Dear Aino, about Interreg.", dedupe_key="t:addr",
    )


@pytest.fixture
def mark(db):
    """Another account that adds Aino's two addresses (in other letters' case) and never confirms them."""
    user = get_user_model().objects.create_user(email=MARK_EMAIL, password=PASSWORD, full_name="Mark Tall")
    EmailAddress.objects.create(user=user, email=MARK_EMAIL, verified=True, primary=True)
    EmailAddress.objects.create(user=user, email=AINO_EMAIL.upper(), verified=False, primary=False)
    EmailAddress.objects.create(user=user, email=AINO_SECOND, verified=False, primary=False)
    return user


def aino_state(aino) -> dict:
    """Everything of Aino's that Mark's erasure could touch."""
    return {
        "outbox": sorted(OutboxMessage.objects.filter(to_email__iexact=AINO_EMAIL).values_list(
            "pk", "state", "to_email", "subject", "body")) + sorted(OutboxMessage.objects.filter(
                to_email__iexact=AINO_SECOND).values_list("pk", "state", "to_email", "subject", "body")),
        "contacts": list(ContactMessage.objects.filter(pk=aino.contact.pk).values_list(
            "name", "email", "organisation", "message")),
        "addresses": sorted(EmailAddress.objects.filter(user=aino.user).values_list("email", "verified")),
        "user": get_user_model().objects.filter(pk=aino.user.pk).values_list("email", "full_name", "is_active")[0],
    }


def test_an_unconfirmed_address_is_never_an_identity(aino, mark):
    subject = selectors.subject_for_user(mark)
    assert subject.emails == [MARK_EMAIL]
    assert sorted(subject.unconfirmed) == sorted([AINO_EMAIL, AINO_SECOND])
    assert not outbox_messages_of(subject).exists()
    assert not contact_messages_of(subject).exists()
    # Aino's own addresses are confirmed, and hers
    assert selectors.subject_for_user(aino.user).emails == [AINO_EMAIL, AINO_SECOND]
    # staff look-ups by address find Aino, never Mark
    assert selectors.subject_for_email(AINO_EMAIL.upper()).user == aino.user
    assert selectors.subject_for_email(AINO_SECOND).user == aino.user


def test_marks_download_and_page_hold_nothing_of_aino(aino, mark):
    address_only_mail(aino)
    client = signed_in(mark)
    data = zip_data(client.get("/my-data/download.zip"))
    assert data["messages"] == [] and data["contact_messages"] == []
    rows_he_typed = data.pop("email_addresses")  # his own account's rows, holding what he typed
    assert leaks(json.dumps(data, ensure_ascii=False), AINO_ONLY) == []
    data["email_addresses"] = rows_he_typed
    # his addresses are listed as his account's rows, the unconfirmed ones said to be unconfirmed
    assert {(a["email"].lower(), a["verified"]) for a in data["email_addresses"]} == {
        (MARK_EMAIL, True), (AINO_EMAIL, False), (AINO_SECOND, False)}

    page = client.get("/my-data/").content.decode()
    main = page.split("<main", 1)[1]  # (the header's account menu says "Your account: Mark Tall" too)
    account_line = next(line for line in main.splitlines() if "Your account:" in line)
    assert MARK_EMAIL in account_line and AINO_EMAIL not in account_line.lower()
    assert "not confirmed" in page and AINO_SECOND in page  # listed as unconfirmed, not used to find data
    assert "0 messages sent through the contact form" in page


def test_a_sign_up_not_yet_confirmed_owns_no_mail_by_address(aino):
    """Someone signs up with Aino's second address and never confirms it (allauth keeps it unverified)."""
    address_only_mail(aino)
    EmailAddress.objects.filter(email=AINO_SECOND).delete()  # Aino gave it up; an attacker signs up with it
    attacker = get_user_model().objects.create_user(email=AINO_SECOND, password=PASSWORD)
    EmailAddress.objects.create(user=attacker, email=AINO_SECOND, verified=False, primary=True)
    mine = OutboxMessage.objects.create(edition=aino.application.call.edition, event="reminder", state="sent",
                                        recipient=attacker, to_email=AINO_SECOND, subject="Confirm", body="x",
                                        dedupe_key="t:own")
    subject = selectors.subject_for_user(attacker)
    assert subject.emails == [] and subject.unconfirmed == [AINO_SECOND]
    assert list(outbox_messages_of(subject)) == [mine]  # by account: his; by address: nothing
    assert not contact_messages_of(subject).exists()
    # a staff look-up by that address gets the contact messages alone, never the account
    found = selectors.subject_for_email(AINO_SECOND)
    assert found.user is None and found.emails == [AINO_SECOND]
    assert list(contact_messages_of(found)) == [aino.contact]
    assert mine not in outbox_messages_of(found)


def test_staff_export_of_a_contact_only_address_claimed_by_another_account(aino, mark, officer_client):
    """A contact-form writer without an account; Mark adds the address unconfirmed. The staff export by that
    address gives the contact message, not Mark's account."""
    ContactMessage.objects.create(programme=aino.application.call.edition.programme, name="Kaja Kask",
                                  email="kaja@example.ee", topic="other", message="Kaja's question")
    EmailAddress.objects.create(user=mark, email="kaja@example.ee", verified=False, primary=False)
    data = zip_data(officer_client.post("/staff/privacy/export/", {"email": "KAJA@example.ee"}))
    assert data["account"] is None
    assert [c["message"] for c in data["contact_messages"]] == ["Kaja's question"]
    # and an address only claimed unconfirmed, with nothing sent with it, holds nothing
    EmailAddress.objects.create(user=mark, email="nobody@example.ee", verified=False, primary=False)
    assert selectors.subject_for_email("nobody@example.ee") is None


def test_marks_erasure_leaves_aino_untouched(aino, mark, officer_client, django_capture_on_commit_callbacks):
    address_only_mail(aino)
    OutboxMessage.objects.create(edition=aino.application.call.edition, event="reminder", state="queued",
                                 recipient=None, to_email=AINO_EMAIL, subject="Soon", body="Dear Aino",
                                 dedupe_key="t:queued")
    mark_client = signed_in(mark)
    before = aino_state(aino)
    aino_export = zip_data(aino.client.get("/my-data/download.zip"))
    assert len(aino_export["messages"]) >= 2 and len(aino_export["contact_messages"]) == 1

    assert mark_client.post("/my-data/erase/", {"reason": "", "confirm": "on"}).status_code == 302
    request = ErasureRequest.objects.get(user=mark)
    page = officer_client.get(f"/staff/privacy/erasure/{request.pk}/").content.decode()
    # the addresses he claimed are listed as his rows, unconfirmed; nothing found through them is
    assert f"{AINO_SECOND} (not confirmed)" in page and f"{AINO_EMAIL} (not confirmed)" in page.lower()
    assert leaks(page, ["call me back", "Ostrobothnia", "Interreg", "About your message", "Soon"]) == []
    assert "Outbox messages to them (0)" in page and "Contact messages (0)" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(f"/staff/privacy/erasure/{request.pk}/", {"decision": "approve", "note": ""})
    assert response.status_code == 302

    assert aino_state(aino) == before  # mails (sent and queued), contact message, addresses, account
    assert aino.client.get("/my-data/").status_code == 200  # still signed in: her session is hers
    after = zip_data(aino.client.get("/my-data/download.zip"))
    assert after["messages"] == aino_export["messages"]
    assert after["contact_messages"] == aino_export["contact_messages"]
    # Mark is gone, his unconfirmed rows with him
    assert not EmailAddress.objects.filter(user=mark).exists()
    assert mark_client.get("/my-data/").status_code == 302


def test_the_plan_of_an_erasure_names_only_the_persons_rows(aino, mark):
    address_only_mail(aino)
    plan = plan_erasure(mark)
    assert plan.parts['communications']['own'] == [] and plan.parts['contact_messages'] == [] and plan.applications == []
    assert sorted(plan.addresses) == sorted([MARK_EMAIL, AINO_EMAIL.upper(), AINO_SECOND])
    aino_plan = plan_erasure(aino.user)
    assert {m.to_email.lower() for m in aino_plan.parts['communications']['own']} == {AINO_EMAIL, AINO_SECOND}
    assert aino_plan.parts['contact_messages'] == [aino.contact]
    assert aino_plan.applications == [aino.application]
    aino_session = Session.objects.get(session_key=aino.client.session.session_key)
    assert aino_session.pk in plan_erasure(aino.user).sessions
    assert aino_session.pk not in plan.sessions


def test_the_approval_page_lists_everything_that_will_change(aino, jonas, officer_client):
    from .conftest import review_and_admission

    world = review_and_admission(aino, jonas)
    response = aino.client.post("/my-data/erase/", {"reason": "", "confirm": "on"})
    assert response.status_code == 302
    request = ErasureRequest.objects.get(user=aino.user)
    page = officer_client.get(f"/staff/privacy/erasure/{request.pk}/").content.decode()
    reference = aino.application.reference
    assert reference in page
    for message in OutboxMessage.objects.filter(recipient=aino.user, state__in=SENT_STATES):
        assert message.subject.replace("'", "&#x27;") in page, message.subject
    assert world.messages["failed"].to_email in page  # the address-only mail to her second address
    assert aino.contact.get_topic_display() in page and aino.contact.email in page  # her contact message
    for heading in ("Applications", "Contact messages", "Outbox messages", "Sessions", "Reviews", "Offers",
                    "Email addresses"):
        assert heading in page, heading
    # the texts of other people in which her name is replaced are listed too (Jonas's review)
    assert world.jonas_review.application.reference in page
