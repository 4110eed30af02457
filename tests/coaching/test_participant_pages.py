"""The participant's coaching page (/me/coaching/), its section and home block: a member sees their group
(names, organisations, countries) and its log, notes included; a member of group A never sees group B's
members' notes nor logs into group B; bad input keeps what was typed; query counts flat."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campus.coaching import services
from campus.coaching.models import CoachingSession
from tests.cohort.conftest import make_participant

from .conftest import make_cohort
from .test_staff_pages import NOTE, log_a_session, saved_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_groups(edition, manager):
    make_cohort(edition, 6)
    round_ = saved_round(edition, manager)
    first, second = round_.groups.order_by("number")
    log_a_session(first, note="Notes of group one")
    log_a_session(second, note=NOTE)
    return first, second


def member_of(group):
    return group.members.order_by("pk").first().participant


def test_the_section_and_block_appear_once_in_a_group(client, edition, manager):
    alone = make_participant(edition, "alone@example.org")
    client.force_login(alone.user)
    home = client.get("/me/").content.decode()
    assert "Your coaching group" not in home and reverse("coaching:home") not in home
    assert "not in a coaching group yet" in client.get("/me/coaching/").content.decode()
    cohort = make_cohort(edition, 6)
    saved_round(edition, manager)
    client.force_login(cohort[0].user)
    home = client.get("/me/").content.decode()
    assert "Your coaching group" in home and reverse("coaching:home") in home


def test_a_member_sees_their_group_and_notes_never_another_group(client, two_groups):
    first, second = two_groups
    client.force_login(member_of(first).user)
    text = client.get("/me/coaching/").content.decode()
    assert "Notes of group one" in text
    for member in first.members.all():
        assert member.participant.user.full_name in text
        assert member.participant.application.organisation in text
    assert NOTE not in text
    for member in second.members.all():
        assert member.participant.user.email not in text and member.participant.user.full_name not in text


def test_a_member_logs_a_session_of_their_group(client, two_groups):
    first, _second = two_groups
    me = member_of(first)
    client.force_login(me.user)
    today = timezone.localdate().isoformat()
    others = [m.participant for m in first.members.all()]
    data = {f"g{first.pk}-held_on": today, f"g{first.pk}-attendees": [p.pk for p in others],
            f"g{first.pk}-notes": "We talked about funding."}
    url = reverse("coaching:log_session", args=[first.pk])
    response = client.post(url, data)
    assert response.status_code == 302
    response = client.post(url, data)  # sent twice: logged once
    assert response.status_code == 302
    session = CoachingSession.objects.get(notes="We talked about funding.")
    assert session.logged_by == me and set(session.attendees.all()) == set(others)
    assert "We talked about funding." in client.get("/me/coaching/").content.decode()


def test_a_member_cannot_log_into_another_group_nor_name_strangers(client, two_groups):
    first, second = two_groups
    client.force_login(member_of(first).user)
    today = timezone.localdate().isoformat()
    stranger = member_of(second)
    response = client.post(reverse("coaching:log_session", args=[second.pk]),
                           {f"g{second.pk}-held_on": today, f"g{second.pk}-attendees": [stranger.pk]})
    assert response.status_code == 404
    response = client.post(reverse("coaching:log_session", args=[first.pk]),
                           {f"g{first.pk}-held_on": today, f"g{first.pk}-attendees": [stranger.pk],
                            f"g{first.pk}-notes": "Kept words"})
    text = response.content.decode()
    assert response.status_code == 200 and "Kept words" in text and "error-summary" in text
    assert NOTE not in text
    assert not CoachingSession.objects.filter(notes="Kept words").exists()


def test_a_future_date_is_refused_with_what_was_typed_kept(client, two_groups):
    first, _ = two_groups
    me = member_of(first)
    client.force_login(me.user)
    tomorrow = (timezone.now() + datetime.timedelta(days=2)).date().isoformat()  # tomorrow everywhere
    response = client.post(reverse("coaching:log_session", args=[first.pk]),
                           {f"g{first.pk}-held_on": tomorrow, f"g{first.pk}-attendees": [me.pk],
                            f"g{first.pk}-notes": "Typed notes stay"})
    text = response.content.decode()
    assert response.status_code == 200 and "in the future" in text and "Typed notes stay" in text


def test_the_service_refuses_a_non_member_logger(two_groups):
    first, second = two_groups
    with pytest.raises(services.CoachingError):
        services.log_session(group=first, logged_by=member_of(second), held_on=timezone.localdate(),
                             attendee_ids=[member_of(second).pk], notes="", actor=None)


def test_staff_are_not_members(client, two_groups, manager):
    first, _ = two_groups
    client.force_login(manager)
    assert client.get("/me/coaching/").status_code == 403
    assert client.post(reverse("coaching:log_session", args=[first.pk]), {}).status_code == 403


def coaching_queries(client, url) -> tuple[int, int]:
    """(queries of the whole page, queries of coaching's tables): the area's other apps add their own
    sections and blocks, so coaching pins its own part and the page's total is compared between sizes."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured), sum(1 for q in captured.captured_queries if "coaching_" in q["sql"])


def test_the_pages_have_a_flat_query_count(client, edition, manager):
    make_cohort(edition, 8)
    rounds = [saved_round(edition, manager, seed=s, title=f"Round {s}") for s in (1, 2)]
    me = member_of(rounds[0].groups.first())
    client.force_login(me.user)
    counts = {}
    for sessions in (1, 6):
        for round_ in rounds:
            group = round_.members.get(participant=me).group
            members = [m.participant for m in group.members.all()]
            for day in range(len(group.sessions.all()), sessions):
                services.log_session(group=group, logged_by=me, actor=me.user, notes=f"n{day}",
                                     held_on=timezone.localdate() - datetime.timedelta(days=day),
                                     attendee_ids=[m.pk for m in members])
        counts[sessions] = (coaching_queries(client, "/me/coaching/"), coaching_queries(client, "/me/"))
    assert counts[1] == counts[6]
    (_page, coaching_page), (_home, coaching_home) = counts[1]
    # the participation query counts here too: it carries the section's "in a group?" (an EXISTS over
    # coaching's members), which cost a query of its own before
    assert coaching_page == 5  # the participation with "in a group?", memberships, members, sessions, who took part
    assert coaching_home == 3  # the participation with "in a group?", the newest group, its members
