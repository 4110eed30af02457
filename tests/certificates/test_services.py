"""Rules, the preview, issuing (one, all, by hand), revoking and erasing, through the services."""

import pytest

from campus.certificates import codes, credential, selectors, services
from campus.certificates.models import Certificate, IssuerKey
from campus.communications.models import OutboxMessage
from tests.certificates.conftest import POINTS

pytestmark = pytest.mark.django_db


def test_without_rules_nobody_qualifies_and_issuing_is_refused(edition, manager, pia, test_criterion):
    rules, lines = selectors.preview(edition)
    assert rules == [] and not lines[0].qualifies
    with pytest.raises(services.CertificateError, match="no rules"):
        services.issue(edition=edition, actor=manager)


def test_the_preview_says_who_qualifies_and_why_not(ruled, pia, olli):
    POINTS[pia.pk] = 3
    POINTS[olli.pk] = 1
    rules, lines = selectors.preview(ruled)
    assert [rule.text for rule in rules] == ["At least 3 points"]
    by_name = {line.participant.user.given_name: line for line in lines}
    assert by_name["Pia"].qualifies and by_name["Pia"].missing == []
    assert not by_name["Olli"].qualifies and by_name["Olli"].missing == ["1 of 3 points"]


def test_a_rule_whose_criterion_is_gone_is_shown_and_ignored(ruled, pia, test_criterion):
    from campus.core.plugins import criteria as registry

    registry.unregister(test_criterion)
    rules, lines = selectors.preview(ruled)
    assert "no longer available" in rules[0].text
    assert selectors.active_rules(rules) == [] and not lines[0].qualifies


def test_issue_to_all_who_qualify_once_with_a_mail_each(ruled, manager, pia, olli, django_capture_on_commit_callbacks):
    POINTS[pia.pk] = 4
    with django_capture_on_commit_callbacks():
        issued = services.issue(edition=ruled, actor=manager)
    assert [c.participant for c in issued] == [pia]
    certificate = issued[0]
    assert codes.PATTERN.fullmatch(certificate.code)
    assert certificate.holder_name == "Pia Participant" and certificate.state == "valid"
    assert credential.verify(certificate.credential, key=certificate.key)
    mail = OutboxMessage.objects.get(event="certificate_issued")
    assert mail.recipient == pia.user and certificate.code[:5] in mail.body and "/me/certificate/" in mail.body
    # a double click, a retry: nothing twice
    assert services.issue(edition=ruled, actor=manager) == []
    assert Certificate.objects.count() == 1 and OutboxMessage.objects.filter(event="certificate_issued").count() == 1
    assert IssuerKey.objects.count() == 1


def test_the_credential_says_the_name_and_nothing_else_personal(issued, pia):
    text = str(issued.credential)
    assert "Pia Participant" in text
    assert pia.user.email not in text and "pia.participant" not in text
    subject = issued.credential["credentialSubject"]
    assert set(subject) == {"type", "identifier", "achievement"}
    assert issued.credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert issued.credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"


def test_by_hand_needs_a_note_and_is_marked(ruled, manager, olli):
    with pytest.raises(services.CertificateError):
        services.issue_by_hand(participant=olli, note="  ", actor=manager)
    certificate = services.issue_by_hand(participant=olli, note="Missed one meetup for illness.", actor=manager)
    assert certificate.by_hand and certificate.note.startswith("Missed")
    with pytest.raises(services.CertificateError, match="already"):
        services.issue_by_hand(participant=olli, note="Again", actor=manager)


def test_revoke_keeps_the_row_and_a_new_certificate_may_follow(issued, manager, pia, ruled):
    with pytest.raises(services.CertificateError):
        services.revoke(certificate=issued, reason="", actor=manager)
    services.revoke(certificate=issued, reason="Plagiarised assignment", actor=manager)
    issued.refresh_from_db()
    assert issued.state == "revoked" and issued.revoked_at and issued.revoke_reason == "Plagiarised assignment"
    services.revoke(certificate=issued, reason="twice", actor=manager)  # a second click changes nothing
    issued.refresh_from_db()
    assert issued.revoke_reason == "Plagiarised assignment"
    [again] = services.issue(edition=ruled, actor=manager)
    assert again.code != issued.code


def test_erase_empties_the_certificate(issued):
    services.erase(certificate_ids=[issued.pk])
    issued.refresh_from_db()
    assert issued.state == "erased" and issued.holder_name == "" and issued.credential == {}
    assert issued.participant is None and issued.code


def test_codes_are_read_generously():
    assert codes.normalise("k7m2q-9xrtd") == "K7M2Q9XRTD"
    assert codes.normalise("K7M2Q 9XRTO") == "K7M2Q9XRT0"
    assert codes.normalise("too-short") is None
    assert len({codes.new_code() for _ in range(200)}) == 200
