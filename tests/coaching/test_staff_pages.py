"""The staff pages of coaching: rounds, generate (preview, then save), change by hand with the size warning,
exports (formula injection neutralised; no notes), the notes never shown to staff, query counts flat."""

import csv
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from campus.coaching import proposals, services
from campus.coaching.models import CoachingGroup, CoachingRound, GroupMember
from campus.team.models import TeamMembership

from .conftest import make_cohort

pytestmark = pytest.mark.django_db

NOTE = "PrivateGroupNoteZ9"


def saved_round(edition, manager, seed=1, title="Round 1"):
    planned = proposals.propose(edition, seed=seed)
    round_, _ = services.save_round(edition=edition, title=title, module=None, seed=seed, proposal_key=planned.key,
                                    groups=planned.proposal.groups, actor=manager)
    return round_


def log_a_session(group, note=NOTE):
    members = [m.participant for m in group.members.all()]
    services.log_session(group=group, logged_by=members[0], held_on=group.round.created_at.date(),
                         attendee_ids=[m.pk for m in members[:2]], notes=note, actor=members[0].user)


def test_the_home_lists_the_rounds(manager_client, edition, manager):
    make_cohort(edition, 9)
    saved_round(edition, manager)
    response = manager_client.get("/staff/coaching/")
    assert response.status_code == 200
    assert "Round 1" in response.content.decode() and "9 participants" in response.content.decode()


def test_someone_without_the_manager_role_gets_404(client, edition, django_user_model):
    lead = django_user_model.objects.create_user(email="lee@example.org", password="x-long-password-1", is_staff=True)
    TeamMembership.objects.create(edition=edition, user=lead, role=TeamMembership.Role.REVIEWER)
    client.force_login(lead)
    assert client.get("/staff/coaching/").status_code == 404
    assert client.get(f"/staff/coaching/editions/{edition.pk}/new/").status_code == 404


def test_preview_then_save_makes_one_round_even_when_save_is_sent_twice(manager_client, edition):
    make_cohort(edition, 25)
    url = reverse("staff_coaching:round_new", args=[edition.pk])
    assert manager_client.get(url).status_code == 200
    data = {"title": "Module 1 groups", "module": "", "seed": "1", "preview": "1"}
    response = manager_client.post(url, data)
    text = response.content.decode()
    assert response.status_code == 200 and "Preview: 8 groups for 25 participants" in text
    assert "no one met before" in text
    key, shape = response.context["planned"].key, response.context["shape"]
    saved = {**data, "key": key, "groups": shape, "save": "1"}
    saved.pop("preview")
    first = manager_client.post(url, saved)
    second = manager_client.post(url, saved)
    assert first.status_code == 302 and second.status_code == 302 and first["Location"] == second["Location"]
    round_ = CoachingRound.objects.get()
    assert round_.title == "Module 1 groups" and round_.groups.count() == 8 and round_.members.count() == 25
    assert sorted(len(g.members.all()) for g in round_.groups.all()) == [3] * 7 + [4]


def test_a_save_after_the_cohort_changed_shows_the_new_proposal(manager_client, edition):
    make_cohort(edition, 9)
    url = reverse("staff_coaching:round_new", args=[edition.pk])
    data = {"title": "R", "module": "", "seed": "1"}
    preview = manager_client.post(url, {**data, "preview": "1"}).context
    make_cohort(edition, 3, prefix="late")
    response = manager_client.post(url, {**data, "key": preview["planned"].key, "groups": preview["shape"],
                                         "save": "1"})
    assert response.status_code == 200 and "changed since your preview" in response.content.decode()
    assert not CoachingRound.objects.exists()


def test_the_save_stores_the_previewed_groups_and_refuses_a_forged_shape(manager_client, edition):
    cohort = make_cohort(edition, 7)
    url = reverse("staff_coaching:round_new", args=[edition.pk])
    data = {"title": "R", "module": "", "seed": "1", "save": "1"}
    ids = [p.pk for p in cohort]
    for forged in ("not json", "[[1, 2]]", json.dumps([ids[:3], ids[3:6]]), json.dumps([ids[:4], ids[3:]]),
                   json.dumps([ids[:3], ids[3:] + [ids[0]]]), json.dumps([[str(i) for i in ids]])):
        response = manager_client.post(url, {**data, "groups": forged})
        assert response.status_code == 200 and "changed since your preview" in response.content.decode()
    assert not CoachingRound.objects.exists()
    chosen = [ids[:4], ids[4:]]  # what the preview showed (here: made by hand)
    response = manager_client.post(url, {**data, "groups": json.dumps(chosen)})
    assert response.status_code == 302
    round_ = CoachingRound.objects.get()
    assert [sorted(g.members.values_list("participant_id", flat=True)) for g in round_.groups.order_by("number")] \
        == [sorted(ids[:4]), sorted(ids[4:])]
    assert all(g.reason for g in round_.groups.all())


def test_bad_input_is_refused_with_the_form_refilled(manager_client, edition):
    url = reverse("staff_coaching:round_new", args=[edition.pk])
    response = manager_client.post(url, {"title": "Kept title", "seed": "0", "preview": "1"})
    text = response.content.decode()
    assert response.status_code == 200 and "Kept title" in text and "error-summary" in text


def test_moving_under_three_needs_a_confirmation(manager_client, edition, manager):
    make_cohort(edition, 6)
    round_ = saved_round(edition, manager)
    first, second = round_.groups.order_by("number")
    mover = first.members.first().participant
    url = reverse("staff_coaching:move", args=[round_.pk])
    response = manager_client.post(url, {"participant": mover.pk, "to_group": second.pk})
    text = response.content.decode()
    assert response.status_code == 200
    assert "group 1 would have 2 members (fewer than 3)" in text and "group 2 would have 4 members" not in text
    assert GroupMember.objects.get(round=round_, participant=mover).group == first  # nothing moved yet
    response = manager_client.post(url, {"participant": mover.pk, "to_group": second.pk, "confirm": "on"})
    assert response.status_code == 302
    assert GroupMember.objects.get(round=round_, participant=mover).group == second
    second.refresh_from_db()
    assert second.reason.endswith("changed by hand")


def test_moving_from_a_four_to_a_three_needs_no_confirmation(manager_client, edition, manager):
    make_cohort(edition, 7)
    round_ = saved_round(edition, manager)
    four = next(g for g in round_.groups.all() if g.members.count() == 4)
    three = next(g for g in round_.groups.all() if g.members.count() == 3)
    mover = four.members.first().participant
    response = manager_client.post(reverse("staff_coaching:move", args=[round_.pk]),
                                   {"participant": mover.pk, "to_group": three.pk})
    assert response.status_code == 302
    assert GroupMember.objects.get(round=round_, participant=mover).group == three


def test_a_participant_who_joined_later_can_be_added(manager_client, edition, manager):
    make_cohort(edition, 6)
    round_ = saved_round(edition, manager)
    late = make_cohort(edition, 1, prefix="late")[0]
    page = manager_client.get(reverse("staff_coaching:round", args=[round_.pk])).content.decode()
    assert "In no group" in page
    group = round_.groups.first()
    response = manager_client.post(reverse("staff_coaching:move", args=[round_.pk]),
                                   {"participant": late.pk, "to_group": group.pk})
    assert response.status_code == 302 and GroupMember.objects.filter(group=group, participant=late).exists()


def test_a_move_of_someone_of_another_edition_is_refused(manager_client, edition, manager):
    make_cohort(edition, 6)
    round_ = saved_round(edition, manager)
    response = manager_client.post(reverse("staff_coaching:move", args=[round_.pk]),
                                   {"participant": 999999, "to_group": round_.groups.first().pk})
    assert response.status_code == 200 and "not a participant of this edition" in response.content.decode()


def test_staff_see_sessions_and_who_took_part_never_the_notes(manager_client, edition, manager):
    make_cohort(edition, 6)
    round_ = saved_round(edition, manager)
    log_a_session(round_.groups.first())
    text = manager_client.get(reverse("staff_coaching:round", args=[round_.pk])).content.decode()
    assert "Sessions held" in text and "1 session logged" in text
    assert NOTE not in text
    for fmt in ("csv", "xlsx"):
        response = manager_client.get(reverse("staff_coaching:export", args=[round_.pk, fmt]))
        content = b"".join(response.streaming_content)
        assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
        assert NOTE.encode() not in content


def test_exports_neutralise_formulas(manager_client, edition, manager):
    cohort = make_cohort(edition, 6)
    cohort[0].application.organisation = '=HYPERLINK("http://evil.example","x")'
    cohort[0].application.save(update_fields=["organisation"])
    round_ = saved_round(edition, manager)
    response = manager_client.get(reverse("staff_coaching:export", args=[round_.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Group", "Name", "Email"] and len(rows) == 7
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in [row[3] for row in rows]
    response = manager_client.get(reverse("staff_coaching:export", args=[round_.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [sheet.cell(row=r, column=4) for r in range(2, 8)]
    evil = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
    assert evil.data_type == "s" and evil.quotePrefix
    assert manager_client.get(reverse("staff_coaching:export", args=[round_.pk, "pdf"])).status_code == 404


@pytest.mark.parametrize("size", [9, 30])
def test_the_round_page_has_a_flat_query_count(manager_client, edition, manager, size, django_assert_num_queries):
    make_cohort(edition, size)
    round_ = saved_round(edition, manager)
    for group in CoachingGroup.objects.filter(round=round_):
        log_a_session(group)
    url = reverse("staff_coaching:round", args=[round_.pk])
    manager_client.get(url)
    # warm: the content version instead of the programme and footer pages (kept per version, core.content_memo)
    with django_assert_num_queries(14):
        assert manager_client.get(url).status_code == 200


@pytest.mark.parametrize("rounds", [1, 4])
def test_the_home_has_a_flat_query_count(manager_client, edition, manager, rounds, django_assert_num_queries):
    make_cohort(edition, 12)
    for number in range(rounds):
        saved_round(edition, manager, seed=number + 1, title=f"R{number}")
    manager_client.get("/staff/coaching/")
    # warm: the content version instead of the programme and footer pages (kept per version, core.content_memo)
    with django_assert_num_queries(10):
        assert manager_client.get("/staff/coaching/").status_code == 200
