"""Criteria editing by whoever may edit the board: edit, add, remove (with a confirmation that counts the scores
going with it), reorder; bad input comes back as typed; others get 404."""

import pytest
from django.urls import reverse

from campus.assessment import services
from campus.assessment.models import DEFAULT_CRITERIA, Criterion, Score

pytestmark = pytest.mark.django_db

LEVELS = {f"level_{i}": f"Level {i} text" for i in range(1, 6)}


def test_defaults_remain_for_a_new_board(board):
    names = list(board.criteria.order_by("position").values_list("name", flat=True))
    assert names == [name for _, name, _, _ in DEFAULT_CRITERIA]


def test_edit_a_criterion(login, board, people):
    c = login(people["bob"])  # a member of the group that owns the board
    criterion = board.criteria.order_by("position").first()
    page = c.get(reverse("assessment:criterion", args=[board.pk, criterion.pk])).content.decode()
    assert criterion.anchor_list[0] in page
    response = c.post(reverse("assessment:criterion", args=[board.pk, criterion.pk]),
                      {"group": "risk", "name": "Reach", "weight": "7", **LEVELS})
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert (criterion.group, criterion.name, criterion.weight) == ("risk", "Reach", 7)
    assert criterion.anchor_list == [f"Level {i} text" for i in range(1, 6)]


def test_bad_input_keeps_what_was_typed(login, board, people):
    c = login(people["alice"])
    criterion = board.criteria.first()
    response = c.post(reverse("assessment:criterion", args=[board.pk, criterion.pk]),
                      {"group": "risk", "name": "Typed name", "weight": "11", **LEVELS, "level_3": "a | b"})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="Typed name"' in page and 'value="a | b"' in page and 'value="11"' in page
    assert "cannot contain the character |" in page and "less than or equal to 10" in page
    response = c.post(reverse("assessment:criteria", args=[board.pk]), {"group": "", "name": "New one", **LEVELS})
    assert response.status_code == 400 and 'value="New one"' in response.content.decode()
    assert not board.criteria.filter(name="New one").exists()


def test_add_reorder_and_remove(login, board, people):
    c = login(people["alice"])
    response = c.post(reverse("assessment:criteria", args=[board.pk]),
                      {"group": "opportunity", "name": "Fit with the strategy", "weight": "4", **LEVELS})
    assert response.status_code == 302
    new = board.criteria.get(name="Fit with the strategy")
    assert new.position == len(DEFAULT_CRITERIA)
    c.post(reverse("assessment:criterion_move", args=[board.pk, new.pk]), {"direction": "up"})
    names = list(board.criteria.order_by("position").values_list("name", flat=True))
    assert names[-2] == "Fit with the strategy" and names[-1] == DEFAULT_CRITERIA[-1][1]
    first = board.criteria.order_by("position").first()
    c.post(reverse("assessment:criterion_move", args=[board.pk, first.pk]), {"direction": "up"})  # at the top
    assert board.criteria.order_by("position").first() == first
    positions = list(board.criteria.order_by("position").values_list("position", flat=True))
    assert positions == list(range(len(positions)))
    response = c.post(reverse("assessment:criterion_remove", args=[board.pk, new.pk]))  # no score: at once
    assert response.status_code == 302 and not Criterion.objects.filter(pk=new.pk).exists()


def test_removing_a_scored_criterion_asks_and_says_how_many_scores_go(login, board, card, people):
    for user in (people["alice"], people["bob"]):
        services.score(card=card, actor=user, values={cr.pk: (4, "high") for cr in board.criteria.all()})
    criterion = board.criteria.first()
    c = login(people["alice"])
    response = c.post(reverse("assessment:criterion_remove", args=[board.pk, criterion.pk]))
    page = response.content.decode()
    assert response.status_code == 200 and "2 scores have been given" in page
    assert "Remove the criterion and 2 scores" in page and Criterion.objects.filter(pk=criterion.pk).exists()
    response = c.post(reverse("assessment:criterion_remove", args=[board.pk, criterion.pk]), {"confirm": "yes"})
    assert response.status_code == 302 and not Criterion.objects.filter(pk=criterion.pk).exists()
    assert not Score.objects.filter(criterion_id=criterion.pk).exists()
    assert Score.objects.filter(card=card).count() == 2 * (len(DEFAULT_CRITERIA) - 1)
    assert "and 2 scores with it" in c.get(reverse("assessment:criteria", args=[board.pk])).content.decode()


def test_only_editors_reach_the_criteria(login, board, people, radar):
    criterion = board.criteria.first()
    for who in ("carol", "lead"):  # another group; a module lead sees the board but does not edit it
        c = login(people[who])
        assert c.get(reverse("assessment:criteria", args=[board.pk])).status_code in (403, 404)
        assert c.post(reverse("assessment:criterion_remove", args=[board.pk, criterion.pk]),
                      {"confirm": "yes"}).status_code in (403, 404)
    other = services.create_board(actor=people["carol"], edition=board.edition, title="Carol's")
    c = login(people["alice"])  # a criterion of another board, through alice's board: 404
    theirs = other.criteria.first()
    assert c.get(reverse("assessment:criterion", args=[board.pk, theirs.pk])).status_code == 404
    assert c.post(reverse("assessment:criterion_move", args=[board.pk, theirs.pk]),
                  {"direction": "down"}).status_code == 404


def test_service_refuses_bad_criteria(board, people):
    with pytest.raises(services.AssessmentError):
        services.add_criterion(board=board, actor=people["alice"], group="luck", name="X", weight=1,
                               anchors="a|b|c|d|e")
    with pytest.raises(services.AssessmentError):
        services.add_criterion(board=board, actor=people["alice"], group="risk", name="X", weight=1, anchors="a|b")
    with pytest.raises(services.AssessmentError):
        services.move_criterion(criterion=board.criteria.first(), actor=people["alice"], direction="sideways")
