"""Coaching in subject access, erasure and retention: the person's groups and sessions are exported (notes
only of the sessions they logged); erasure clears the notes they logged, removes them from the groups and
rewrites reasons that name them; rounds outlive nothing of the edition's retention period."""

import datetime
import io
import json
import zipfile

import pytest
from django.utils import timezone

from campus.coaching import services
from campus.coaching.models import CoachingGroup, CoachingSession, GroupMember
from campus.core.plugins.privacy import Subject
from campus.privacy import services as privacy

from .conftest import make_cohort
from .test_staff_pages import saved_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(edition, manager):
    make_cohort(edition, 6)
    round_ = saved_round(edition, manager)
    return round_.groups.order_by("number").first()


def test_the_export_holds_their_groups_and_sessions(group):
    me, other = [m.participant for m in group.members.order_by("pk")][:2]
    services.log_session(group=group, logged_by=me, held_on=timezone.localdate(), attendee_ids=[me.pk, other.pk],
                         notes="My own notes", actor=me.user)
    services.log_session(group=group, logged_by=other, held_on=timezone.localdate(), attendee_ids=[other.pk, me.pk],
                         notes="Their notes", actor=other.user)
    archive = zipfile.ZipFile(io.BytesIO(privacy.export_personal_data(
        subject=Subject(user=me.user, emails=[me.user.email]), actor=me.user, by="self")))
    data = json.loads(archive.read("data.json"))
    assert data["coaching_groups"] == [{"edition": str(group.round.edition), "round": group.round.title,
                                        "group": group.number}]
    notes = sorted(str(s["notes"]) for s in data["coaching_sessions"])
    assert notes == ["My own notes", "None"]  # the other member's notes are theirs
    assert all(s["took_part"] for s in data["coaching_sessions"])


def test_erasure_clears_their_notes_and_removes_them(group, manager):
    me, other = [m.participant for m in group.members.order_by("pk")][:2]
    services.log_session(group=group, logged_by=me, held_on=timezone.localdate(), attendee_ids=[me.pk, other.pk],
                         notes="My own notes", actor=me.user)
    CoachingGroup.objects.filter(pk=group.pk).update(reason=f"{me.user.full_name} and X met before")
    request = privacy.request_erasure(user=me.user, reason="Please")
    privacy.decide_erasure(request=request, approve=True, note="", actor=manager)
    session = CoachingSession.objects.get()
    assert session.notes == "" and session.logged_by is None
    assert list(session.attendees.all()) == [other]
    assert not GroupMember.objects.filter(participant_id=me.pk).exists()
    group.refresh_from_db()
    assert me.user.full_name not in group.reason


def test_rounds_of_an_edition_past_its_retention_are_purged(group, edition):
    edition.modules.update(ends_on=datetime.date(2000, 1, 1), starts_on=datetime.date(2000, 1, 1))
    result = privacy.purge_expired_documents(dry_run=True)
    assert result["coaching_rounds"] == 1 and CoachingGroup.objects.exists()
    result = privacy.purge_expired_documents()
    assert result["coaching_rounds"] == 1 and not CoachingGroup.objects.exists()
