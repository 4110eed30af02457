"""Access and erasure of what review and admission hold (outbox, reviews, interviews, decisions, offers and
their letters, the cohort), tested with data that could leak.

Access: the applicant gets her mails, interview, released decision, offers with the letter PDF, participant
record and the reviews of her application without the reviewers' names or the team's comments; never a staged
decision or the reviews before the release. A reviewer gets their roles and the reviews they wrote, applications
by reference number only. Erasure: nothing of hers remains (the table dump is in test_erasure.py); what stays
(scores, states) says nothing about her; mail not sent yet never goes out; an open offer goes to the waitlist.
"""

import json
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from campus.admissions.models import AdmissionSettings, Decision, Offer
from campus.cohort.models import Participant
from campus.communications import services as outbox
from campus.communications.models import OutboxMessage
from campus.core.models import ActivityLog
from campus.interviews.models import InterviewSlot, Invitation
from campus.privacy import services
from campus.review.models import ConflictOfInterest, Review, ReviewAssignment, Score
from campus.team.models import TeamMembership

from .conftest import (
    AINO_EMAIL, AINO_LETTER_PDF, AINO_REVIEW_SECRETS, AINO_SECRETS, REVIEWER_SECRETS,
    database_text, leaks, make_privacy_officer, review_and_admission, signed_in,
)
from .test_access import archive_of, every_byte
from .test_erasure import ask_and_approve

pytestmark = pytest.mark.django_db


def download(client) -> tuple[zipfile.ZipFile, dict]:
    archive = archive_of(client.get("/my-data/download.zip"))
    return archive, json.loads(archive.read("data.json"))


# --- access -------------------------------------------------------------------------------------------


def test_an_admitted_applicant_gets_her_mails_interview_decision_offer_letter_and_reviews(aino, jonas):
    world = review_and_admission(aino, jonas)
    archive, data = download(aino.client)
    reference = aino.application.reference

    # the letter PDF is in the zip, byte for byte, next to her CV and letter
    letter = f"{reference}/acceptance-letter-{world.offer.pk}.pdf"
    assert letter in archive.namelist() and archive.read(letter) == AINO_LETTER_PDF
    (offer,) = data["offers"]
    assert offer["state"] == "Accepted" and offer["letter"] == letter and offer["application"] == reference
    assert offer["reply_by"] == world.offer.reply_by.isoformat() and offer["responded_at"]

    # mails the team queued, sent or that failed, to her account or any of her addresses; never drafts
    by_subject = {m["subject"]: m for m in data["messages"]}
    assert {"Your place, Aino Virtanen (kelpie-subject)", "Action required", "Your interview"} <= set(by_subject)
    assert "Draft for Aino" not in by_subject
    assert any(subject.startswith("We received your application") for subject in by_subject)  # the real receipt
    assert by_subject["Your place, Aino Virtanen (kelpie-subject)"]["state"] == "Sent"
    assert by_subject["Your place, Aino Virtanen (kelpie-subject)"]["body"].endswith("(kelpie-body).")
    assert by_subject["Your place, Aino Virtanen (kelpie-subject)"]["sent_at"]
    assert by_subject["Action required"]["state"] == "Queued"
    assert by_subject["Your interview"]["to"] == "aino.virtanen@energy-vaasa.example.fi"

    (interview,) = data["interviews"]
    assert interview["message"].endswith("(kelpie-invite).") and interview["application"] == reference
    assert interview["booking"]["place"] == "Vaasa Energy House"
    assert interview["booking"]["online_link"] == "https://meet.example.org/slot-1"
    assert interview["booking"]["starts_at"] == world.slot.starts_at.isoformat()
    assert interview["booking"]["timezone"] == "Europe/Helsinki"

    assert data["decisions"] == [{"application": reference, "outcome": "Admit", "waitlist_rank": None,
                                  "released_at": world.decision.released_at.isoformat()}]
    (participation,) = data["participations"]
    assert participation["application"] == reference and participation["edition"] == str(aino.application.call.edition)

    # the reviews of her application: scores, totals, the comment meant for her; no reviewer, no team comment
    reviews = {r["kind"]: r for r in data["reviews_of_your_applications"]}
    assert set(reviews) == {"Review", "Interview assessment"}
    assert reviews["Review"]["total"] == "4.67" and reviews["Review"]["recommendation"] == "Yes"
    assert reviews["Review"]["scores"] == [
        {"criterion": "Relevance", "weight": 2, "score": 5, "label": "Excellent"},
        {"criterion": "Experience", "weight": 1, "score": 4, "label": "Very good"},
    ]
    assert reviews["Review"]["comment"] == "Your Interreg work is impressive (kelpie-applicant)."
    everything = every_byte(archive)
    for secret in ("kelpie-team", "kelpie-interview", "kelpie-note", "kelpie-draft", "kelpie-staged",
                   "kelpie-conflict", *REVIEWER_SECRETS, "Mikko", "mikko.manager", "Olli", "Jonas"):
        assert secret not in everything, secret

    # the log shows the decision's staging (from, to) now that it is released, without other details
    staged = [e for e in data["activity"] if e["action"] == "admissions.decision_staged"]
    assert staged == [{"at": staged[0]["at"], "action": "admissions.decision_staged", "by": "the team",
                       "about": f"application {reference}", "details": {"from": "no decision", "to": "admit"}}]


def test_before_the_release_neither_the_staged_decision_nor_the_reviews_are_in_the_export(aino, jonas, officer_client):
    review_and_admission(aino, jonas, released=False)
    for archive, data in (download(aino.client),
                          (lambda a: (a, json.loads(a.read("data.json"))))(
                              archive_of(officer_client.post("/staff/privacy/export/", {"email": AINO_EMAIL})))):
        assert data["decisions"] == [] and data["reviews_of_your_applications"] == []
        assert data["offers"] == []  # a promotion only suggested, not confirmed by a manager
        assert not [e for e in data["activity"] if e["action"].startswith(("admissions.", "review."))]
        subjects = [m["subject"] for m in data["messages"]]
        assert "Your interview" in subjects and "Draft for Aino" not in subjects  # the failed one; not the draft
        assert data["interviews"][0]["booking"]["place"] == "Vaasa Energy House"  # invitations are hers at once
        everything = every_byte(archive)
        assert leaks(everything, ["admit", "kelpie-draft", "kelpie-team", "kelpie-applicant", "kelpie-note",
                                  "Relevance", "4.67"]) == []
    # released: the same export now holds them
    Decision.objects.filter(application=aino.application).update(released_at=timezone.now())
    _archive, data = download(aino.client)
    assert [d["outcome"] for d in data["decisions"]] == ["Admit"] and len(data["reviews_of_your_applications"]) == 2


def test_a_released_call_shows_the_reviews_of_an_application_without_decision(aino, jonas):
    world = review_and_admission(aino, jonas, released=False)
    world.decision.delete()
    assert download(aino.client)[1]["reviews_of_your_applications"] == []
    AdmissionSettings.objects.create(call=aino.application.call, released_at=timezone.now())
    assert len(download(aino.client)[1]["reviews_of_your_applications"]) == 2


def test_a_reviewer_gets_roles_reviews_and_panels_with_applications_by_reference_only(aino, jonas):
    world = review_and_admission(aino, jonas)
    archive, data = download(signed_in(world.reviewer))
    assert {(r["role"], r["edition"]) for r in data["team_roles"]} == {
        ("Reviewer", str(aino.application.call.edition)), ("Interviewer", str(aino.application.call.edition))}
    written = {r["application"]: r for r in data["reviews_written"]}
    assert set(written) == {aino.application.reference, jonas.reference}
    assert written[jonas.reference]["total"] == "3.00" and written[jonas.reference]["scores"][0]["score"] == 3
    assert "comment" not in json.dumps(data["reviews_written"])
    assert {a["application"] for a in data["review_assignments"]} == {aino.application.reference, jonas.reference}
    assert data["conflicts_declared"] == [{"application": jonas.reference, "reason": "Worked with Kaunas IT once",
                                           "declared_at": data["conflicts_declared"][0]["declared_at"]}]
    (panel,) = data["interview_panels"]
    assert panel["place"] == "Vaasa Energy House" and "booked" not in json.dumps(panel)
    assert [m["subject"] for m in data["messages"]] == ["Reviews outstanding"]
    assert data["reviews_of_your_applications"] == [] and data["decisions"] == []
    everything = every_byte(archive)
    assert leaks(everything, AINO_SECRETS + AINO_REVIEW_SECRETS + ["Petraitis", "less experienced"]) == []


# --- erasure ------------------------------------------------------------------------------------------


def test_what_erasure_leaves_of_review_and_admission(
    aino, jonas, officer, officer_client, django_capture_on_commit_callbacks
):
    world = review_and_admission(aino, jonas)
    letter_name = world.offer.letter.name
    storage = world.offer.letter.storage
    queued = world.messages["queued"]
    ask_and_approve(aino, officer_client, django_capture_on_commit_callbacks)

    # mail not sent yet is cancelled: the send task finds nothing to send, nothing goes out
    mail.outbox.clear()
    assert outbox.deliver(message_id=queued.pk) is False
    assert mail.outbox == []
    states = {key: OutboxMessage.objects.get(pk=m.pk) for key, m in world.messages.items()}
    assert {key: m.state for key, m in states.items()} == {
        "draft": "cancelled", "failed": "cancelled", "queued": "cancelled", "offer": "sent", "to_team": "sent",
        "to_reviewer": "sent"}
    for key in ("draft", "failed", "queued", "offer"):
        message = states[key]
        assert (message.to_email, message.subject, message.body, message.error, message.recipient) == (
            "", "", "", "", None), key
        assert message.dedupe_key == f"test:{key}"  # kept: the same message is never composed again
    assert states["offer"].sent_at  # the statistics of what was sent stay
    assert states["to_team"].body == "[erased] ([erased], [erased]) accepted her place." and states["to_team"].to_email
    assert states["to_reviewer"].body == "You have 1 review to write."

    # reviews: comments gone, the numbers stay; the reviewer stays (that is theirs, not hers)
    review = Review.objects.get(pk=world.review.pk)
    assert (review.comment_team, review.comment_applicant) == ("", "")
    assert (str(review.total), review.recommendation, review.reviewer_id) == ("4.67", "yes", world.reviewer.pk)
    assert sorted(Score.objects.filter(review=review).values_list("value", flat=True)) == [4, 5]
    assert Review.objects.get(pk=world.interview.pk).comment_team == ""
    # another applicant's review keeps its own words, not her name
    jonas_review = Review.objects.get(pk=world.jonas_review.pk)
    assert jonas_review.comment_team == "Jonas is less experienced than [erased]."
    # (the words of her organisation, "Energy Cluster", are in every review of a cluster programme: only her
    # names, addresses, phone and organisation as a whole are replaced in other people's texts)
    assert jonas_review.comment_applicant == "Solid cluster work in Kaunas."
    # who was to review her application and who may not: gone; Jonas's stay
    assert not ConflictOfInterest.objects.filter(application=aino.application).exists()
    assert not ReviewAssignment.objects.filter(application=aino.application).exists()
    assert ConflictOfInterest.objects.filter(application=jonas).exists()
    assert ReviewAssignment.objects.filter(application=jonas).exists()

    # interview: message cleared, invitation cancelled, the slot free again (its panel stays)
    invitation = Invitation.objects.get(pk=world.invitation.pk)
    assert invitation.message == "" and invitation.cancelled_at is not None
    slot = InterviewSlot.objects.get(pk=world.slot.pk)
    assert slot.booked_by is None and slot.booked_at is None and slot.panel.count() == 2

    # decision: note cleared, the outcome stays; offer: the letter gone from disk and field, state stays
    decision = Decision.objects.get(pk=world.decision.pk)
    assert decision.note == "" and decision.outcome == "admit" and decision.released_at
    offer = Offer.objects.get(pk=world.offer.pk)
    assert offer.letter.name == "" and offer.state == "accepted"
    assert not storage.exists(letter_name)
    # the participant record is deleted
    assert not Participant.objects.filter(pk=world.participant.pk).exists()
    assert not Participant.objects.filter(user=aino.user).exists()

    (erased,) = ActivityLog.objects.filter(action="privacy.erased")
    assert erased.data["outbox_cancelled"] >= 3 and erased.data["outbox_cleared"] >= 4  # (+ the real receipts)
    assert not OutboxMessage.objects.exclude(state="sent").exclude(state="cancelled").filter(
        pk__in=[m.pk for m in world.messages.values()]).exists()
    assert erased.data["letters"] == 1 and erased.data["participants"] == 1 and erased.data["bookings"] == 1
    assert erased.data["reviews"] == 2 and erased.data["invitations"] == 1 and erased.data["decisions"] == 1

    # again: nothing more to do
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.erase_person(user=get_user_model().objects.get(pk=aino.user.pk), actor=officer)
    for key in ("outbox_cancelled", "outbox_cleared", "letters", "participants", "bookings", "decisions",
                "offers_given_up"):
        assert counts[key] == 0, key


def test_erasing_a_reviewer_keeps_their_reviews_without_their_identity(
    aino, jonas, django_capture_on_commit_callbacks
):
    world = review_and_admission(aino, jonas)
    reviewer = world.reviewer
    reviewer_reviews = list(Review.objects.filter(reviewer=reviewer).order_by("pk").values_list("pk", "total"))
    request = services.request_erasure(user=reviewer, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_erasure(request=request, approve=True, note="", actor=make_privacy_officer())

    assert not TeamMembership.objects.filter(user=reviewer).exists()
    assert TeamMembership.objects.filter(user=world.manager).exists()
    assert not ReviewAssignment.objects.filter(reviewer=reviewer).exists()
    assert not ConflictOfInterest.objects.filter(reviewer=reviewer).exists()
    assert ConflictOfInterest.objects.filter(reviewer=world.other_reviewer).exists()
    assert list(InterviewSlot.objects.get(pk=world.slot.pk).panel.all()) == [world.manager]
    # the reviews stay (the ranking does not change), by the anonymised account; her name left the comments
    assert list(Review.objects.filter(reviewer=reviewer).order_by("pk").values_list("pk", "total")) == reviewer_reviews
    account = get_user_model().objects.get(pk=reviewer.pk)
    assert account.email.endswith("@erased.invalid") and account.full_name == "" and not account.is_active
    assert Review.objects.get(pk=world.review.pk).comment_team.endswith("(kelpie-team). [erased]")
    message = OutboxMessage.objects.get(pk=world.messages["to_reviewer"].pk)
    assert (message.to_email, message.body, message.recipient) == ("", "", None)
    assert leaks(database_text(), REVIEWER_SECRETS) == []
    # Aino's data is untouched by someone else's erasure
    assert Decision.objects.get(pk=world.decision.pk).note.endswith("(kelpie-note)")
    assert Participant.objects.filter(user=aino.user).exists()
    assert Invitation.objects.get(pk=world.invitation.pk).message.endswith("(kelpie-invite).")


def test_erasing_a_person_with_an_open_offer_gives_the_place_to_the_next_on_the_waitlist(
    aino, jonas, officer, django_capture_on_commit_callbacks
):
    now = timezone.now()
    Decision.objects.create(application=aino.application, outcome="admit", released_at=now)
    Decision.objects.create(application=jonas, outcome="waitlist", waitlist_rank=1, released_at=now)
    Offer.objects.create(application=aino.application, state="open", made_at=now, reply_by=now + timedelta(days=14))
    aino.application.state = "submitted"
    aino.application.save(update_fields=["state"])
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.erase_person(user=aino.user, actor=officer)
    assert counts["offers_given_up"] == 1
    assert Offer.objects.get(application=aino.application).state == "declined"
    promoted = Offer.objects.get(application=jonas)
    assert promoted.state == "open" and promoted.via == "promotion"
    assert OutboxMessage.objects.filter(recipient=jonas.applicant, event="promoted").exists()
    assert not OutboxMessage.objects.filter(to_email__iendswith="@erased.invalid").exists()
