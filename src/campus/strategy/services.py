"""The only place that changes strategies: keyword-only arguments, one transaction each, an activity-log entry.
Permissions are the views' job (``permissions.py``); these functions check what the data forbids."""

from django.db import transaction
from django.db.models import Max

from campus.core.activity import log_activity
from campus.radars import sharing

from . import states
from .models import Action, ActionUpdate, CheckIn, Comment, Indicator, Objective, Reading, Strategy, Target

LEADS = "leads"  # the "module lead" choice of the sharing form (private + shared_with_leads)


class StrategyError(Exception):
    """A refusal the person reads (shown on the form)."""


# --- the strategy ----------------------------------------------------------------------------------------------


def create_strategy(*, actor, edition, cluster_name: str, vision: str = "", mission: str = "",
                    owner_kind: str = "participant", group=None) -> Strategy:
    try:
        sharing.check_owner(actor=actor, owner_kind=owner_kind, edition=edition, group=group)
    except sharing.SharingError as error:
        raise StrategyError(str(error)) from error
    with transaction.atomic():
        strategy = Strategy.objects.create(cluster_name=cluster_name, vision=vision, mission=mission,
                                           owner_kind=owner_kind, owner=actor, edition=edition,
                                           group=group if owner_kind == sharing.OwnerKind.GROUP else None)
        log_activity(action="strategy.created", target=strategy, actor=actor, cluster=cluster_name)
    return strategy


def update_strategy(*, strategy: Strategy, actor, cluster_name: str, vision: str = "", mission: str = "") -> Strategy:
    with transaction.atomic():
        strategy.cluster_name, strategy.vision, strategy.mission = cluster_name, vision, mission
        strategy.save(update_fields=["cluster_name", "vision", "mission", "updated_at"])
        log_activity(action="strategy.updated", target=strategy, actor=actor)
    return strategy


def delete_strategy(*, strategy: Strategy, actor) -> None:
    with transaction.atomic():
        log_activity(action="strategy.deleted", target=strategy, actor=actor, cluster=strategy.cluster_name)
        strategy.delete()


def share_strategy(*, strategy: Strategy, actor, visibility: str, group=None) -> Strategy:
    """``visibility``: private, leads (the owners and the edition's module leads), group or cohort."""
    with transaction.atomic():
        leads = visibility == LEADS
        try:
            sharing.set_visibility(strategy, visibility=sharing.Visibility.PRIVATE if leads else visibility,
                                   group=group)
        except sharing.SharingError as error:
            raise StrategyError(str(error)) from error
        strategy.shared_with_leads = leads
        strategy.save(update_fields=["shared_with_leads", "updated_at"])
        log_activity(action="strategy.shared", target=strategy, actor=actor, visibility=visibility)
    return strategy


def open_public_link(*, strategy: Strategy, actor) -> str:
    with transaction.atomic():
        token = sharing.open_public_link(strategy)
        log_activity(action="strategy.public_link_opened", target=strategy, actor=actor)
    return token


def revoke_public_link(*, strategy: Strategy, actor) -> None:
    with transaction.atomic():
        sharing.close_public_link(strategy)
        log_activity(action="strategy.public_link_revoked", target=strategy, actor=actor)


# --- objectives, actions, indicators ------------------------------------------------------------------------------


def _next_position(qs) -> int:
    return (qs.aggregate(m=Max("position"))["m"] or 0) + 1


def add_objective(*, strategy: Strategy, actor, title: str, description: str = "") -> Objective:
    with transaction.atomic():
        Strategy.objects.select_for_update().filter(pk=strategy.pk).first()
        objective = Objective.objects.create(strategy=strategy, title=title, description=description,
                                             position=_next_position(strategy.objectives))
        log_activity(action="strategy.objective_added", target=strategy, actor=actor, title=title)
    return objective


def update_objective(*, objective: Objective, actor, title: str, description: str = "") -> Objective:
    with transaction.atomic():
        objective.title, objective.description = title, description
        objective.save(update_fields=["title", "description"])
        log_activity(action="strategy.objective_updated", target=objective.strategy, actor=actor, title=title)
    return objective


def remove_objective(*, objective: Objective, actor) -> None:
    with transaction.atomic():
        log_activity(action="strategy.objective_removed", target=objective.strategy, actor=actor,
                     title=objective.title)
        objective.delete()


def move_objective(*, objective: Objective, actor, up: bool) -> None:
    """Swap the objective with the one before (``up``) or after it."""
    with transaction.atomic():
        Strategy.objects.select_for_update().filter(pk=objective.strategy_id).first()
        ordered = list(Objective.objects.filter(strategy_id=objective.strategy_id).order_by("position", "id"))
        index = next(i for i, o in enumerate(ordered) if o.pk == objective.pk)
        other = index - 1 if up else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
        for n, item in enumerate(ordered, start=1):
            if item.position != n:
                Objective.objects.filter(pk=item.pk).update(position=n)
        log_activity(action="strategy.objective_moved", target=objective.strategy, actor=actor,
                     title=objective.title, up=up)


def save_action(*, objective: Objective, actor, title: str, owner_name: str = "", due_date=None,
                status: str = states.PLANNED, action: Action | None = None) -> Action:
    """A new action of ``objective``, or ``action`` changed; its status through the state machine."""
    with transaction.atomic():
        if action is None:
            action = Action.objects.create(objective=objective, title=title, owner_name=owner_name,
                                           due_date=due_date, position=_next_position(objective.actions))
        else:
            action.title, action.owner_name, action.due_date = title, owner_name, due_date
            action.save(update_fields=["title", "owner_name", "due_date"])
        _set_status(action, status)
        log_activity(action="strategy.action_saved", target=objective.strategy, actor=actor, title=title)
    return action


def _set_status(action: Action, status: str) -> None:
    try:
        states.transition(action, status)
    except states.TransitionNotAllowed as error:
        raise StrategyError(error.message) from error


def set_action_status(*, action: Action, actor, status: str) -> Action:
    with transaction.atomic():
        _set_status(action, status)
        log_activity(action="strategy.action_status", target=action.objective.strategy, actor=actor, status=status)
    return action


def remove_action(*, action: Action, actor) -> None:
    with transaction.atomic():
        log_activity(action="strategy.action_removed", target=action.objective.strategy, actor=actor,
                     title=action.title)
        action.delete()


def save_indicator(*, objective: Objective, actor, name: str, unit: str, baseline_value, baseline_date,
                   direction: str, targets: list, indicator: Indicator | None = None) -> Indicator:
    """A new indicator of ``objective`` (or ``indicator`` changed) with ``targets`` [(date, value), ...]."""
    fields = {"name": name, "unit": unit, "baseline_value": baseline_value, "baseline_date": baseline_date,
              "direction": direction}
    with transaction.atomic():
        if indicator is None:
            indicator = Indicator.objects.create(objective=objective, position=_next_position(objective.indicators),
                                                 **fields)
        else:
            for key, value in fields.items():
                setattr(indicator, key, value)
            indicator.save(update_fields=list(fields))
            indicator.targets.all().delete()
        Target.objects.bulk_create(Target(indicator=indicator, date=d, value=v) for d, v in sorted(targets))
        log_activity(action="strategy.indicator_saved", target=objective.strategy, actor=actor, name=name)
    return indicator


def remove_indicator(*, indicator: Indicator, actor) -> None:
    with transaction.atomic():
        log_activity(action="strategy.indicator_removed", target=indicator.objective.strategy, actor=actor,
                     name=indicator.name)
        indicator.delete()


# --- check-ins ----------------------------------------------------------------------------------------------------


def record_checkin(*, strategy: Strategy, actor, date, note: str = "", readings: list, statuses: dict) -> CheckIn:
    """A dated check-in: ``readings`` [(indicator, value, note)] (value None: not measured), ``statuses``
    {action: status} (each action moved through its state machine)."""
    with transaction.atomic():
        checkin = CheckIn.objects.create(strategy=strategy, date=date, note=note, made_by=actor)
        Reading.objects.bulk_create(Reading(checkin=checkin, indicator=i, value=v, note=n)
                                    for i, v, n in readings if v is not None)
        updates = []
        for action, status in statuses.items():
            if action.objective.strategy_id != strategy.pk:
                raise StrategyError("An action of another strategy.")
            _set_status(action, status)
            updates.append(ActionUpdate(checkin=checkin, action=action, status=status))
        ActionUpdate.objects.bulk_create(updates)
        log_activity(action="strategy.checked_in", target=strategy, actor=actor, date=str(date))
    return checkin


def remove_checkin(*, checkin: CheckIn, actor) -> None:
    with transaction.atomic():
        log_activity(action="strategy.checkin_removed", target=checkin.strategy, actor=actor, date=str(checkin.date))
        checkin.delete()


# --- feedback -----------------------------------------------------------------------------------------------------


def comment(*, strategy: Strategy, actor, text: str, objective: Objective | None = None, strategy_url: str = "",
            from_lead: bool = False) -> Comment:
    """A comment; one by a module lead (``from_lead``) also mails the owners "feedback on your strategy"."""
    if objective is not None and objective.strategy_id != strategy.pk:
        raise StrategyError("Choose an objective of this strategy.")
    with transaction.atomic():
        note = Comment.objects.create(strategy=strategy, objective=objective, author=actor, text=text)
        log_activity(action="strategy.commented", target=strategy, actor=actor, lead=from_lead)
        if from_lead:
            _mail_feedback(strategy, note, actor, strategy_url)
    return note


def _recipients(strategy: Strategy) -> list:
    if strategy.owner_kind == sharing.OwnerKind.GROUP and strategy.group_id:
        from campus.coaching.models import GroupMember

        return [m.participant.user for m in GroupMember.objects.filter(group_id=strategy.group_id)
                .select_related("participant__user")]
    return [strategy.owner] if strategy.owner_id else []


def _mail_feedback(strategy: Strategy, note: Comment, actor, url: str) -> None:
    from campus.communications import services as outbox

    where = f"the objective “{note.objective.title}”" if note.objective_id else "the strategy as a whole"
    for user in _recipients(strategy):
        if user.pk == getattr(actor, "pk", None):
            continue
        outbox.compose(event="strategy_feedback", edition=strategy.edition, to_user=user,
                       context={"cluster": strategy.cluster_name, "author": actor.get_full_name() or actor.email,
                                "about": where, "comment": note.text, "strategy_url": url},
                       dedupe_key=f"strategy_feedback:{note.pk}:{user.pk}", related=strategy, actor=actor, send=True)


# --- privacy ------------------------------------------------------------------------------------------------------


def erase_owner(*, user, delete: list[int], keep: list[int]) -> dict:
    """Erasure: their own strategies deleted; a group's kept without them; their comments deleted (their words);
    the maker of a group strategy's check-ins emptied."""
    with transaction.atomic():
        deleted = Strategy.objects.filter(pk__in=delete, owner=user).delete()[1].get("strategy.Strategy", 0)
        kept = Strategy.objects.filter(pk__in=keep, owner=user).update(owner=None)
        comments = Comment.objects.filter(author=user).delete()[0]
        checkins = CheckIn.objects.filter(made_by=user).update(made_by=None)
    counts = {"strategies_deleted": deleted, "strategies_kept_without_owner": kept, "strategy_comments": comments,
              "strategy_checkins_unnamed": checkins}
    return {k: v for k, v in counts.items() if v}
