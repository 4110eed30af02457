"""Templates: placeholders filled in as plain text (hostile input stays literal), checks when saving,
the edition's own template over the default, and every default template fit for the seed programme."""

import pytest

from campus.communications import rendering
from campus.communications import services as outbox
from campus.communications.models import MailTemplate
from campus.core.plugins import mail

HOSTILE = "{reference} {{ x }} {name!r} {0} <b>&amp;</b> {% now 'Y' %} }{ \r\nBcc: evil@example.org"


def test_fill_inserts_values_as_plain_text():
    text = rendering.fill("Dear {name}, {{literal}} {missing}!", {"name": HOSTILE})
    assert text == "Dear " + HOSTILE + ", {literal} !"


@pytest.mark.parametrize("template, fragment", [
    ("Dear {name", "A brace is not closed"),
    ("Dear name}", "A brace is not closed"),
    ("{name.__class__}", "is not a placeholder"),
    ("{name[0]}", "is not a placeholder"),
    ("{name!r}", "is not a placeholder"),
    ("{name:>10}", "is not a placeholder"),
    ("{0}", "is not a placeholder"),
    ("{}", "is not a placeholder"),
])
def test_broken_templates_are_refused_with_a_clear_message(template, fragment):
    with pytest.raises(rendering.TemplateError, match=fragment.replace("{", r"\{")):
        rendering.check(template, "offer")


def test_an_unknown_placeholder_names_what_the_event_offers():
    with pytest.raises(rendering.TemplateError) as caught:
        rendering.check("Reply by {reply_by} {rank} {rank}", "offer")
    message = str(caught.value)
    assert message.startswith("Unknown placeholder {rank}.")
    assert "{reply_by}" in message and "{offer_url}" in message and "{name}" in message


@pytest.mark.django_db
def test_every_event_has_a_default_template_that_checks(seeded):
    keys = {event.key for event in mail.events()}
    assert keys >= {"received", "more_information", "interview_invitation", "interview_booked", "offer", "waitlisted",
                    "promoted", "rejected", "reminder", "review_reminder"}
    assert set(MailTemplate.objects.filter(edition__isnull=True).values_list("event", flat=True)) == keys
    for event in mail.events():
        rendering.check(event.default_subject, event.key)
        rendering.check(event.default_body, event.key)
    assert "Action required" in mail.get("reminder").default_subject


@pytest.mark.django_db
def test_compose_renders_standard_placeholders_and_keeps_hostile_text_literal(seeded, recipient):
    recipient.full_name = "Jonas {reference} {{ evil }}\r\nBcc: x@example.org <script>"
    recipient.save()
    message = outbox.compose(
        event="offer", edition=seeded, to_user=recipient, dedupe_key="offer:1",
        context={"reference": "CME20-0007", "reply_by": "12 June 2020", "offer_url": "https://x.example/o/"},
    )
    assert message.state == "draft"
    assert message.subject == "Action required: your place in the BSR Cluster Manager Education 2020–2021"
    assert message.body.startswith("Dear Jonas {reference} {{ evil }}\r\nBcc: x@example.org <script>,\n")
    assert "offer you a place in the Baltic Sea Region Cluster Manager Education 2020–2021." in message.body
    assert "by 12 June 2020:\nhttps://x.example/o/" in message.body
    assert "team@cluster-campus.example" in message.body
    assert message.to_email == "jonas@example.lt" and message.recipient == recipient


@pytest.mark.django_db
def test_a_name_with_a_line_break_stays_on_one_subject_line(seeded, recipient):
    MailTemplate.objects.create(event="waitlisted", edition=seeded, subject="For {name}", body="Rank {rank}")
    recipient.full_name = "Jonas\r\nBcc: evil@example.org"
    recipient.save()
    message = outbox.compose(event="waitlisted", edition=seeded, to_user=recipient, dedupe_key="w:1",
                             context={"rank": 3})
    assert message.subject == "For Jonas Bcc: evil@example.org"
    assert message.body == "Rank 3"


@pytest.mark.django_db
def test_the_editions_own_template_overrides_the_default(seeded, other_edition, recipient):
    outbox.save_template(event="rejected", edition=seeded, subject="Sorry {name}", body="No place. {feedback}",
                         actor=None)
    own = outbox.compose(event="rejected", edition=seeded, to_user=recipient, dedupe_key="r:1",
                         context={"feedback": "Apply again!"})
    default = outbox.compose(event="rejected", edition=other_edition, to_user=recipient, dedupe_key="r:2",
                             context={"reference": "X-1", "feedback": ""})
    assert (own.subject, own.body) == ("Sorry Jonas Petraitis", "No place. Apply again!")
    assert default.subject == "Your application X-1 to the BSR Cluster Manager Education 2030–2031"


@pytest.mark.django_db
def test_the_default_template_is_saved_and_saved_again(seeded):
    """The default (edition None) is locked by itself: its ordering joins the edition, and PostgreSQL refuses
    FOR UPDATE on the nullable side of that outer join (found by the huge-id walk in test_fuzz.py)."""
    for subject in ("First {reference}", "Second {reference}"):
        outbox.save_template(event="rejected", edition=None, subject=subject, body="No place.", actor=None)
    assert MailTemplate.objects.get(event="rejected", edition=None).subject == "Second {reference}"


@pytest.mark.django_db
def test_save_template_refuses_an_unknown_placeholder(seeded):
    with pytest.raises(rendering.TemplateError):
        outbox.save_template(event="rejected", edition=seeded, subject="Hi {nme}", body="x", actor=None)
    assert not MailTemplate.objects.filter(edition=seeded).exists()


def test_an_empty_placeholder_alone_on_its_line_leaves_no_blank_line():
    text = "Dear {name},\n\n{note}\n\nBye {x}\n"
    assert rendering.fill(text, {"name": "Ann", "note": "", "x": ""}) == "Dear Ann,\n\nBye \n"
    assert rendering.fill("A\n{note}\nB", {}) == "A\nB"
    assert rendering.fill(text, {"name": "Ann", "note": "Hi", "x": "y"}) == "Dear Ann,\n\nHi\n\nBye y\n"
