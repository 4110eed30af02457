"""Services of the strategy: order of objectives, the action's state machine, check-ins, progress."""

from datetime import date
from decimal import Decimal
from itertools import product

import pytest

from campus.core.models import ActivityLog
from campus.strategy import selectors, services, states
from campus.strategy.models import Action, ActionStatus

from .conftest import build

pytestmark = pytest.mark.django_db


def test_objectives_keep_their_order_and_move(people, edition):
    alice = people["alice"]
    strategy = build(alice, edition, objectives=3, checkins=0)
    first, second, third = selectors.objectives_of(strategy)
    services.move_objective(objective=third, actor=alice, up=True)
    assert [o.pk for o in selectors.objectives_of(strategy)] == [first.pk, third.pk, second.pk]
    services.move_objective(objective=first, actor=alice, up=True)  # already first: nothing moves
    assert [o.pk for o in selectors.objectives_of(strategy)] == [first.pk, third.pk, second.pk]
    services.move_objective(objective=first, actor=alice, up=False)
    assert [o.pk for o in selectors.objectives_of(strategy)] == [third.pk, first.pk, second.pk]
    assert ActivityLog.objects.filter(action="strategy.objective_moved").count() == 3


@pytest.mark.parametrize(("start", "target"), list(product(ActionStatus.values, repeat=2)))
def test_every_pair_of_action_states(start, target):
    action = Action(status=start)
    if start == target:
        assert states.transition(action, target, save=False) is False
    elif target in states.ALLOWED[start]:
        assert states.transition(action, target, save=False) is True
        assert action.status == target
    else:
        with pytest.raises(states.TransitionNotAllowed):
            states.transition(action, target, save=False)
        assert action.status == start


def test_every_state_has_a_label():
    assert set(states.ALLOWED) == set(ActionStatus.values) == set(states.LABELS)


def test_a_checkin_records_values_and_moves_actions(strategy, people):
    alice = people["alice"]
    whole = selectors.whole(strategy)
    action = whole.actions[0]
    services.record_checkin(strategy=strategy, actor=alice, date=date(2026, 9, 1), note="Autumn",
                            readings=[(whole.indicators[0], Decimal(15), "halfway"), (whole.indicators[1], None, "")],
                            statuses={action: "done"})
    action.refresh_from_db()
    assert action.status == "done"
    whole = selectors.whole(strategy, today=date(2026, 10, 1))
    assert whole.checkins[0].note == "Autumn"
    progress = whole.progress[whole.indicators[0].pk]
    assert progress.latest.value == 15 and progress.latest_date == date(2026, 9, 1)
    assert progress.target.value == 20 and progress.percent == 50
    assert "latest 15 companies" in progress.text and "50 % of the way" in progress.text
    # the second indicator was not measured: its latest value is the older check-in's
    assert whole.progress[whole.indicators[1].pk].latest.value == 12


def test_a_refused_status_rolls_the_checkin_back(strategy, people):
    alice = people["alice"]
    action = selectors.actions_of(strategy)[0]
    services.set_action_status(action=action, actor=alice, status="done")
    before = strategy.checkins.count()
    with pytest.raises(services.StrategyError):
        services.record_checkin(strategy=strategy, actor=alice, date=date(2026, 9, 1), readings=[],
                                statuses={action: "planned"})
    assert strategy.checkins.count() == before


def test_progress_downwards(people, edition):
    alice = people["alice"]
    strategy = build(alice, edition, objectives=1, actions=0, indicators=0, checkins=0)
    objective = selectors.objectives_of(strategy)[0]
    indicator = services.save_indicator(objective=objective, actor=alice, name="CO2", unit="t", baseline_value=100,
                                        baseline_date=date(2026, 1, 1), direction="down",
                                        targets=[(date(2030, 1, 1), Decimal(60))])
    services.record_checkin(strategy=strategy, actor=alice, date=date(2026, 6, 1), readings=[(indicator, 90, "")],
                            statuses={})
    assert selectors.whole(strategy).progress[indicator.pk].percent == 25
    services.record_checkin(strategy=strategy, actor=alice, date=date(2026, 7, 1), readings=[(indicator, 120, "")],
                            statuses={})
    assert selectors.whole(strategy).progress[indicator.pk].percent == 0  # worse than the baseline: nothing done


def test_no_target_no_bar(people, edition):
    alice = people["alice"]
    strategy = build(alice, edition, objectives=1, actions=0, indicators=0, checkins=0)
    objective = selectors.objectives_of(strategy)[0]
    indicator = services.save_indicator(objective=objective, actor=alice, name="Members", unit="", baseline_value=5,
                                        baseline_date=date(2026, 1, 1), direction="up", targets=[])
    progress = selectors.whole(strategy).progress[indicator.pk]
    assert progress.percent is None and "no check-in yet" in progress.text and "no target" in progress.text


def test_whole_in_a_fixed_number_of_queries(people, edition, django_assert_num_queries):
    small = build(people["alice"], edition, objectives=1, actions=1, indicators=1, checkins=1)
    big = build(people["alice"], edition, name="Big", objectives=6, actions=5, indicators=3, checkins=4)
    for strategy in (small, big):
        with django_assert_num_queries(8):
            whole = selectors.whole(strategy)
            for c in whole.checkins:
                list(c.readings.all()), list(c.action_updates.all())
