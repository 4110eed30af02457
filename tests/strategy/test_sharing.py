"""Who sees a strategy: the radars' sharing plus "module lead" (the owners and the edition's module leads and
managers only). ``visible_to`` gives the same answer as ``can_view``; the staff's overview never lists a private
strategy; a lead of another edition sees nothing."""

import pytest

from campus.strategy import permissions, selectors, services

from .conftest import build

pytestmark = pytest.mark.django_db

EVERYONE = ("alice", "bob", "carol", "dan", "lead", "manager", "otto")
SEES = {
    "private": {"alice"},
    "leads": {"alice", "lead", "manager"},
    "group": {"alice", "bob", "lead", "manager"},
    "cohort": {"alice", "bob", "carol", "lead", "manager"},
}


@pytest.mark.parametrize("visibility", list(SEES))
def test_who_sees_it(people, edition, visibility):
    strategy = build(people["alice"], edition, objectives=1, checkins=0)
    services.share_strategy(strategy=strategy, actor=people["alice"], visibility=visibility,
                            group=people["g1"] if visibility == "group" else None)
    strategy.refresh_from_db()
    for name in EVERYONE:
        user = people[name]
        expected = name in SEES[visibility]
        assert permissions.can_view(user, strategy) is expected, (visibility, name)
        assert (strategy in list(selectors.strategies_for(user))) is expected, (visibility, name)
        assert permissions.can_edit(user, strategy) is (name == "alice")
        in_overview = strategy in list(selectors.cohort_strategies(user))
        assert in_overview is (expected and name in ("lead", "manager")), (visibility, name)
        assert (selectors.cohort_strategy(user, strategy.pk) is not None) is in_overview


def test_back_to_private_hides_it_from_the_leads(people, edition):
    strategy = build(people["alice"], edition, objectives=1, checkins=0)
    services.share_strategy(strategy=strategy, actor=people["alice"], visibility="leads")
    services.share_strategy(strategy=strategy, actor=people["alice"], visibility="private")
    strategy.refresh_from_db()
    assert not strategy.shared_with_leads
    assert not permissions.can_view(people["lead"], strategy)
    assert selectors.cohort_strategy(people["lead"], strategy.pk) is None


def test_a_group_strategy_is_edited_by_its_members(people, edition):
    strategy = build(people["bob"], edition, objectives=1, checkins=0, owner_kind="group", group=people["g1"])
    assert permissions.can_edit(people["alice"], strategy)
    assert not permissions.can_view(people["carol"], strategy)
    assert permissions.can_view(people["lead"], strategy)  # the cohort's work, as with the radars
    assert not permissions.can_view(people["otto"], strategy)


def test_a_group_not_mine_is_refused(people, edition):
    with pytest.raises(services.StrategyError):
        services.create_strategy(actor=people["alice"], edition=edition, cluster_name="X", owner_kind="group",
                                 group=people["g2"])


def test_public_link_and_revoke(people, edition):
    strategy = build(people["alice"], edition, objectives=1, checkins=0)
    token = services.open_public_link(strategy=strategy, actor=people["alice"])
    assert selectors.public_strategy(token) == strategy
    services.revoke_public_link(strategy=strategy, actor=people["alice"])
    assert selectors.public_strategy(token) is None
