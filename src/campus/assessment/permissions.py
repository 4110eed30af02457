"""Who may do what with a board and its cards: the one sharing mechanism of the scouting tools
(campus.radars.sharing). A card inherits its board's sharing. The staff overview (/staff/boards/) is for module
leads and managers, with the radars' predicate: they see the cohort's boards, never a private one."""

from campus.radars.permissions import staff_section  # noqa: F401  (the staff section's and pages' predicate)
from campus.radars.sharing import can_edit, can_view, is_lead  # noqa: F401  (re-exported for the views)


def can_score(user, card) -> bool:
    """Scorers: whoever may see the board (its group, its cohort, its owners, the module leads)."""
    return can_view(user, card.board)


def sees_all_scores(user, card, *, has_scored: bool) -> bool:
    """Others' scores stay hidden until you have scored the card yourself (so you are not anchored by them);
    module leads and managers of the edition, who follow the cohort's work without scoring, see them."""
    return has_scored or is_lead(user, card.board.edition_id)
