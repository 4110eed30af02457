"""Strategies in the security world, with data that could leak:

- ``strategy_mine``: the "participant" role's own private strategy (an objective with an action and an indicator,
  a check-in);
- ``strategy_secret``: a private strategy of another participant of the cohort (group B), the secret marker in its
  cluster name, vision, an objective, an action, an indicator, a check-in and a comment: nobody of the world may read
  it, the module lead and the manager included;
- ``strategy_group_b``: group B's own strategy: the participant (group A) never sees it; the lead and the manager do
  (the cohort's work) on the staff pages;
- ``strategy_leads``: the other participant's strategy shared with the module leads only: the participant never
  sees it, the lead and the manager do;
- ``strategy_revoked_token``: a strategy whose public link was revoked, the secret marker inside: 404;
- ``strategy_public_token``: the participant's strategy with a live public link.
"""

from datetime import date

from campus.coaching.models import GroupMember
from campus.strategy import services

from .world import SECRET


def _fill(strategy, actor, text=""):
    objective = services.add_objective(strategy=strategy, actor=actor, title=f"Grow {text}".strip())
    action = services.save_action(objective=objective, actor=actor, title=f"Workshops {text}".strip(),
                                  owner_name=f"Owner {text}".strip())
    indicator = services.save_indicator(objective=objective, actor=actor, name=f"Members {text}".strip(), unit="",
                                        baseline_value=10, baseline_date=date(2026, 1, 1), direction="up",
                                        targets=[(date(2027, 1, 1), 20)])
    checkin = services.record_checkin(strategy=strategy, actor=actor, date=date(2026, 6, 1), note=text,
                                      readings=[(indicator, 12, text)], statuses={action: "started"})
    return objective, action, indicator, checkin


def extend(world) -> None:
    edition = world.call.edition
    me = world.users["participant"]
    member = GroupMember.objects.filter(group__number=2, group__round__edition=edition).first()
    stranger = member.participant.user

    mine = services.create_strategy(actor=me, edition=edition, cluster_name="My energy cluster")
    objective, action, indicator, checkin = _fill(mine, me)

    secret = services.create_strategy(actor=stranger, edition=edition, cluster_name=f"Secret cluster {SECRET}",
                                      vision=f"Vision {SECRET}")
    s_objective, s_action, s_indicator, s_checkin = _fill(secret, stranger, SECRET)
    services.comment(strategy=secret, actor=stranger, text=f"Comment {SECRET}")

    group_b = services.create_strategy(actor=stranger, edition=edition, cluster_name="Group B cluster",
                                       owner_kind="group", group=member.group)
    _fill(group_b, stranger)
    leads = services.create_strategy(actor=stranger, edition=edition, cluster_name="For the leads")
    _fill(leads, stranger)
    services.share_strategy(strategy=leads, actor=stranger, visibility="leads")

    revoked = services.create_strategy(actor=stranger, edition=edition, cluster_name=f"Once public {SECRET}")
    old_token = services.open_public_link(strategy=revoked, actor=stranger)
    services.revoke_public_link(strategy=revoked, actor=stranger)
    public = services.create_strategy(actor=me, edition=edition, cluster_name="My public cluster")
    token = services.open_public_link(strategy=public, actor=me)

    world.values.update({
        "strategy_mine": mine.pk, "strategy_mine_objective": objective.pk, "strategy_mine_action": action.pk,
        "strategy_mine_indicator": indicator.pk, "strategy_mine_checkin": checkin.pk,
        "strategy_secret": secret.pk, "strategy_secret_objective": s_objective.pk,
        "strategy_secret_action": s_action.pk, "strategy_secret_indicator": s_indicator.pk,
        "strategy_secret_checkin": s_checkin.pk, "strategy_group_b": group_b.pk, "strategy_leads": leads.pk,
        "strategy_revoked_token": old_token, "strategy_public_token": token,
    })
