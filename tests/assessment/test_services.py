import pytest

from campus.assessment import selectors, services, states
from campus.assessment.models import Card, Criterion, Score
from campus.radars.models import Blip
from campus.radars.sharing import can_view, visible_to
from campus.scanning import states as signal_states
from campus.scanning.models import Signal

pytestmark = pytest.mark.django_db


def _score(card, user, value, confidence="medium"):
    return services.score(card=card, actor=user, values={c.pk: (value, confidence) for c in card.board.criteria.all()})


def test_board_gets_default_criteria_in_three_groups(board):
    groups = set(board.criteria.values_list("group", flat=True))
    assert groups == {"opportunity", "feasibility", "risk"}
    assert all(len(c.anchor_list) == 5 and all(c.anchor_list) for c in board.criteria.all())


def test_board_owner_checks(people, edition, radar):
    with pytest.raises(services.AssessmentError):  # dan is not of this cohort
        services.create_board(actor=people["dan"], edition=edition, title="X")
    with pytest.raises(services.AssessmentError):  # bob cannot aim at alice's private radar
        services.create_board(actor=people["bob"], edition=edition, title="X", target_radar=radar)


def test_board_sharing_is_the_radars_mechanism(board, people):
    assert can_view(people["bob"], board) and can_view(people["lead"], board)
    assert not can_view(people["carol"], board) and not can_view(people["dan"], board)
    assert list(visible_to(people["carol"], type(board).objects.all())) == []


def test_moves_follow_the_table(card, people):
    alice = people["alice"]
    services.move(card=card, actor=alice, to=states.SCREENING)
    assert Card.objects.get(pk=card.pk).stage == states.SCREENING
    with pytest.raises(services.AssessmentError):
        services.move(card=card, actor=alice, to=states.PILOT)  # two steps at once
    services.move(card=card, actor=alice, to=states.CANDIDATES)
    assert Card.objects.get(pk=card.pk).stage == states.CANDIDATES


def test_aggregate_is_the_weighted_mean_and_flags_disagreement(card, people):
    _score(card, people["alice"], 5, "high")
    sheet = selectors.scorecard(card, list(card.board.criteria.all()))
    assert sheet["overall"] == 5 and sheet["spread"] == 0 and not sheet["disagreement"]
    _score(card, people["bob"], 3)
    sheet = selectors.scorecard(card, list(card.board.criteria.all()))
    assert sheet["overall"] == 4 and sheet["spread"] == 2 and sheet["disagreement"] and sheet["scorers"] == 2
    _score(card, people["bob"], 4)  # scoring again replaces, never adds
    assert Score.objects.filter(card=card, scorer=people["bob"]).count() == card.board.criteria.count()
    sheet = selectors.scorecard(card, list(card.board.criteria.all()))
    assert sheet["spread"] == 1 and not sheet["disagreement"]


def test_weights_matter(card, people):
    first, *rest = list(card.board.criteria.all())
    services.update_criterion(criterion=first, actor=people["alice"], name=first.name, weight=10,
                              anchors=first.anchors)
    values = {first.pk: (5, "high")} | {c.pk: (1, "low") for c in rest}
    services.score(card=card, actor=people["alice"], values=values)
    criteria = list(Criterion.objects.filter(board=card.board))
    total = 10 + sum(c.weight for c in rest)
    assert selectors.scorecard(card, criteria)["overall"] == round((50 + sum(c.weight for c in rest)) / total, 2)
    with pytest.raises(services.AssessmentError):
        services.score(card=card, actor=people["alice"], values={first.pk: (6, "high")})


def test_trial_lands_on_the_next_draft_with_a_link_back(card, people, radar):
    services.decide(card=card, actor=people["alice"], decision="trial", rationale="Two members ran pilots",
                    quadrant=0)
    blip = Blip.objects.get(item__name="Heat pumps")
    assert blip.edition.is_draft and blip.edition.sequence == 2 and blip.edition.radar == radar
    assert blip.ring.position == 1 and blip.origin_url == f"/me/boards/cards/{card.pk}/"
    assert "Two members ran pilots" in blip.rationale
    assert Card.objects.get(pk=card.pk).stage == states.DECISION


def test_reject_writes_nothing_on_the_radar(card, people, radar):
    before = Blip.objects.count()
    services.decide(card=card, actor=people["alice"], decision="reject", rationale="Too early")
    assert Blip.objects.count() == before and not radar.editions.filter(state="draft").exists()
    with pytest.raises(services.AssessmentError):
        services.decide(card=card, actor=people["alice"], decision="adopt", rationale="  ")


def test_card_from_signal_links_and_promotes(signals, board, people):
    signal = signals["group"]
    card = services.card_from_signal(signal=signal, board=board, actor=people["alice"])
    assert card.signal == signal and card.title == signal.title
    assert Signal.objects.get(pk=signal.pk).state == signal_states.PROMOTED
    services.decide(card=card, actor=people["alice"], decision="assess", rationale="Watch it")
    blip = Blip.objects.get(item__name=signal.title)
    assert f"/me/signals/{signal.pk}/" in blip.rationale


def test_promotion_is_registered():
    from campus.scanning import promotions
    assert "assessment:from_signal" in [t.url_name for t in promotions.targets()]


def test_forget_person(card, people, edition):
    _score(card, people["bob"], 3)
    own = services.create_board(actor=people["bob"], edition=edition, title="Bob's own")
    result = services.forget_person(user=people["bob"])
    assert result == {"boards_deleted": 1, "scores_deleted": card.board.criteria.count()}
    assert not type(own).objects.filter(pk=own.pk).exists()
    assert Card.objects.filter(pk=card.pk).exists()
