"""Assessment boards in the security world, with data that could leak:

- ``board_mine``: the "participant" role's own board with a card (``card_mine``) and a signal of theirs
  (``signal_mine``) to promote;
- ``board_secret``: a private board of another participant of the cohort (group B), the secret marker in a card's
  title and rationale and in its scores' card: nobody of the world may read it, the lead and the manager included;
- ``board_group_b``: group B's own board: the participant (group A) never sees it;
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
    signal = scanning.create_signal(actor=me, edition=edition, title="Hydrogen valleys")

    secret = services.create_board(actor=stranger, edition=edition, title=f"Private board {SECRET}")
    secret_card = services.add_card(board=secret, actor=stranger, title=f"Hidden card {SECRET}",
                                    trl_evidence=f"Evidence {SECRET}")
    services.score(card=secret_card, actor=stranger,
                   values={c.pk: (2, "low") for c in secret.criteria.all()})
    group_b = services.create_board(actor=stranger, edition=edition, title="Group B board", owner_kind="group",
                                    group=member.group)
    signal_secret = scanning.create_signal(actor=stranger, edition=edition, title=f"Secret signal {SECRET}")

    world.values.update({
        "board_mine": mine.pk, "card_mine": card.pk, "signal_mine": signal.pk,
        "board_secret": secret.pk, "card_secret": secret_card.pk, "board_group_b": group_b.pk,
        "signal_secret": signal_secret.pk,
    })
