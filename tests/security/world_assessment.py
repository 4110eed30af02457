"""Assessment boards in the security world, with data that could leak:

- ``board_mine``: the "participant" role's own board with a card (``card_mine``, scored by them) and a signal of
  theirs (``signal_mine``) to promote; ``criterion_mine`` its first criterion (scored, so removing it asks first);
- ``board_secret``: a private board of another participant of the cohort (group B), the secret marker in a card's
  title and rationale and in its scores' card: nobody of the world may read it, the lead and the manager included;
- ``board_group_b``: group B's own board with a scored card: the participant (group A) never sees it; the lead and
  the manager read it on the staff overview (the cohort's work);
- ``criterion_secret``: a criterion of the private board (reached through the participant's own board: 404);
- ``signal_secret``: the other participant's private signal: promoting it answers 404.
"""

from campus.assessment import services
from campus.coaching.models import GroupMember
from campus.scanning import services as scanning

from .world import SECRET


def extend(world) -> None:
    edition = world.call.edition
    me = world.users["participant"]
    member = GroupMember.objects.filter(group__number=2, group__round__edition=edition).first()
    stranger = member.participant.user

    mine = services.create_board(actor=me, edition=edition, title="My energy board")
    card = services.add_card(board=mine, actor=me, title="Heat pumps", trl=6)
    services.score(card=card, actor=me, values={c.pk: (4, "high") for c in mine.criteria.all()})
    signal = scanning.create_signal(actor=me, edition=edition, title="Hydrogen valleys")

    secret = services.create_board(actor=stranger, edition=edition, title=f"Private board {SECRET}")
    secret_card = services.add_card(board=secret, actor=stranger, title=f"Hidden card {SECRET}",
                                    trl_evidence=f"Evidence {SECRET}")
    services.score(card=secret_card, actor=stranger,
                   values={c.pk: (2, "low") for c in secret.criteria.all()})
    group_b = services.create_board(actor=stranger, edition=edition, title="Group B board", owner_kind="group",
                                    group=member.group)
    group_card = services.add_card(board=group_b, actor=stranger, title="Group B card")
    services.score(card=group_card, actor=stranger, values={c.pk: (3, "medium") for c in group_b.criteria.all()})
    signal_secret = scanning.create_signal(actor=stranger, edition=edition, title=f"Secret signal {SECRET}")

    world.values.update({
        "board_mine": mine.pk, "card_mine": card.pk, "signal_mine": signal.pk,
        "board_secret": secret.pk, "card_secret": secret_card.pk, "board_group_b": group_b.pk,
        "signal_secret": signal_secret.pk, "criterion_mine": mine.criteria.order_by("position").first().pk,
        "criterion_secret": secret.criteria.first().pk,
    })
