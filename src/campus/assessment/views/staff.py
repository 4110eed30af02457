"""The module leads' and managers' overview under /staff/boards/: the cohort's boards (those shared with a coaching
group or the cohort, and the groups' and the cohort's own) of the editions where they lead modules or manage, and
each such board read-only with its cards, their scores' aggregate and decisions. A participant's private board is
never listed nor opened (404)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from campus.core.access import staff_page
from campus.radars import sharing

from .. import permissions, selectors


@require_GET
@staff_page(permissions.staff_section)
def home(request):
    boards = list(selectors.cohort_boards(sharing.lead_ids(request.user)))
    for board in boards:
        board.owner_text, board.shared_text = sharing.owner_label(board), _shared_with(board)
    return render(request, "assessment/staff/home.html", {"boards": boards})


@require_GET
@staff_page(permissions.staff_section)
def board(request, pk: int):
    found = selectors.cohort_board(sharing.lead_ids(request.user), pk)
    if found is None or not permissions.can_view(request.user, found):
        raise Http404("No such board.")
    criteria = selectors.criteria(found)
    return render(request, "assessment/staff/board.html", {
        "board": found, "owner_label": sharing.owner_label(found), "shared_with": _shared_with(found),
        "criteria": criteria,
        "columns": selectors.board_overview(found, criteria)})


def _shared_with(board) -> str:
    """Who sees the board besides staff: a group's or the cohort's own board is its members' (its visibility
    field says nothing then)."""
    if board.owner_kind == sharing.OwnerKind.GROUP:
        return "The group's members"
    if board.owner_kind == sharing.OwnerKind.COHORT:
        return "The whole cohort"
    if board.visibility == sharing.Visibility.GROUP and board.group_id:
        return f"Coaching group {board.group.number}"
    return board.get_visibility_display()
