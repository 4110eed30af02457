import pytest
from django.urls import reverse

from campus.assessment import services, states
from campus.assessment.models import Board, Card
from campus.radars.models import Blip

pytestmark = pytest.mark.django_db


def _all(card, value):
    return {f"value-{c.pk}": str(value) for c in card.board.criteria.all()} | {
        f"confidence-{c.pk}": "high" for c in card.board.criteria.all()}


def test_list_and_board_show_only_what_one_may_see(login, board, card, people):
    c = login(people["bob"])
    assert board.title in c.get(reverse("assessment:list")).content.decode()
    page = c.get(reverse("assessment:board", args=[board.pk])).content.decode()
    assert "Heat pumps" in page and "Screening →" in page
    c = login(people["carol"])
    assert board.title not in c.get(reverse("assessment:list")).content.decode()
    assert c.get(reverse("assessment:board", args=[board.pk])).status_code == 404
    assert c.get(reverse("assessment:card", args=[card.pk])).status_code == 404
    assert c.post(reverse("assessment:score", args=[card.pk]), _all(card, 1)).status_code == 404


def test_new_board_and_card(login, people, radar):
    c = login(people["alice"])
    response = c.post(reverse("assessment:new"), {"title": "Mine", "target_radar": radar.pk, "group": ""})
    board = Board.objects.get(title="Mine")
    assert response.status_code == 302 and board.target_radar == radar and board.visibility == "private"
    response = c.post(reverse("assessment:card_new", args=[board.pk]),
                      {"title": "Drones", "kind": "technology", "trl": "4", "trl_evidence": "Lab test"})
    assert Card.objects.get(board=board).trl == 4
    assert login(people["bob"]).get(reverse("assessment:card_new", args=[board.pk])).status_code == 404


def test_move_by_button_without_js(login, card, people):
    c = login(people["bob"])
    response = c.post(reverse("assessment:move", args=[card.pk]), {"to": states.SCREENING})
    assert response.status_code == 302 and Card.objects.get(pk=card.pk).stage == states.SCREENING
    c.post(reverse("assessment:move", args=[card.pk]), {"to": states.PILOT})
    assert Card.objects.get(pk=card.pk).stage == states.SCREENING
    assert login(people["lead"]).post(reverse("assessment:move", args=[card.pk]),
                                      {"to": states.CANDIDATES}).status_code in (403, 404)


def test_scores_of_others_hidden_until_you_scored(login, card, people):
    login(people["alice"]).post(reverse("assessment:score", args=[card.pk]), _all(card, 5))
    c = login(people["bob"])
    page = c.get(reverse("assessment:card", args=[card.pk])).content.decode()
    assert "hidden until you have given yours" in page and "Alice Adams 5" not in page
    c.post(reverse("assessment:score", args=[card.pk]), _all(card, 2))
    page = c.get(reverse("assessment:card", args=[card.pk])).content.decode()
    assert "Alice Adams 5" in page and "Scorers disagree" in page
    assert c.post(reverse("assessment:score", args=[card.pk]), {}).status_code == 400


def test_decide_keeps_input_on_error_and_lands_on_radar(login, card, people):
    c = login(people["alice"])
    response = c.post(reverse("assessment:decide", args=[card.pk]), {"decision": "adopt", "rationale": ""})
    assert response.status_code == 400 and 'value="adopt" ' in response.content.decode().replace("checked", " ")
    c.post(reverse("assessment:decide", args=[card.pk]),
           {"decision": "adopt", "rationale": "Proven", "quadrant": "1"})
    blip = Blip.objects.get(item__name="Heat pumps")
    assert blip.ring.name == "Adopt" and blip.quadrant.position == 1


def test_from_signal(login, signals, board, people):
    signal = signals["group"]
    c = login(people["alice"])
    detail = c.get(reverse("scanning:detail", args=[signal.pk])).content.decode()
    assert f"/me/boards/from-signal/{signal.pk}/" in detail
    response = c.post(reverse("assessment:from_signal", args=[signal.pk]), {"board": board.pk})
    card = Card.objects.get(signal=signal)
    assert response.status_code == 302 and card.board == board and card.owner == people["alice"]
    carol = login(people["carol"])
    assert carol.get(reverse("assessment:from_signal", args=[signals["private"].pk])).status_code == 404
