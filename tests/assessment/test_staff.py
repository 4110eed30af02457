"""The module leads' and managers' overview (/staff/boards/): the cohort's boards (shared with a group or the
cohort, or the groups' and the cohort's own), each read-only with its cards, the scores' aggregate and the
decisions; a private board is never listed nor opened (404); the query counts do not grow with boards or cards."""

import re

import pytest
from django.urls import reverse

from campus.assessment import services
from campus.core.plugins import staff as staff_sections

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_lead(client, people):
    client.login(email="lena.lead@example.org", password=PASSWORD)
    return client


def _score(card, user, value):
    services.score(card=card, actor=user, values={c.pk: (value, "medium") for c in card.board.criteria.all()})


def test_the_section_is_registered_for_leads_and_managers(people):
    section = next(s for s in staff_sections.sections() if s.url_name == "staff_assessment:home")
    assert (section.title, section.order) == ("Assessment boards", 58)
    assert section.predicate(people["lead"]) and section.predicate(people["manager"])
    assert not section.predicate(people["alice"])


def test_overview_lists_the_cohorts_boards_never_a_private_one(as_lead, board, card, people, edition):
    private = services.create_board(actor=people["carol"], edition=edition, title="Carol private board")
    services.add_card(board=private, actor=people["carol"], title="Carol secret card")
    cohort = services.create_board(actor=people["carol"], edition=edition, title="Carol cohort board",
                                   visibility="cohort")
    html = as_lead.get(reverse("staff_assessment:home")).content.decode()
    assert "Group 1 board" in html and "Carol cohort board" in html and "Carol private board" not in html
    assert as_lead.get(reverse("staff_assessment:board", args=[private.pk])).status_code == 404
    assert as_lead.get(reverse("staff_assessment:board", args=[cohort.pk])).status_code == 200
    assert as_lead.get(reverse("staff_assessment:board", args=[99999])).status_code == 404


def test_a_board_shows_cards_aggregate_and_decisions(as_lead, board, card, people):
    _score(card, people["alice"], 5)
    _score(card, people["bob"], 2)
    services.decide(card=card, actor=people["alice"], decision="trial", rationale="Worth a pilot")
    html = as_lead.get(reverse("staff_assessment:board", args=[board.pk])).content.decode()
    assert "Heat pumps" in html and "Weighted mean 3.5 from 2 scorers, spread 3.0" in html
    assert "Scorers disagree" in html and "Trial" in html and "Worth a pilot" in html


def test_participants_and_others_do_not_reach_it(client, board, people):
    client.login(email="alice@example.org", password=PASSWORD)
    assert client.get(reverse("staff_assessment:home")).status_code == 404
    assert client.get(reverse("staff_assessment:board", args=[board.pk])).status_code == 404


HOME_QUERIES = 8  # session, user, roles (section predicate), editions led, boards (with edition and programme),
# content version, permissions of the user and of their groups (the staff bar)
BOARD_QUERIES = 13  # session, user, roles, editions led, board, groups and roles (can_view), criteria, cards,
# scores, content version, permissions of the user and their groups


def test_query_counts_do_not_grow(as_lead, board, card, people, edition, django_assert_num_queries):
    home, page = reverse("staff_assessment:home"), reverse("staff_assessment:board", args=[board.pk])
    as_lead.get(home), as_lead.get(page)  # warm up (the content memo reads more on a version's first request)
    with django_assert_num_queries(HOME_QUERIES):
        as_lead.get(home)
    with django_assert_num_queries(BOARD_QUERIES):
        as_lead.get(page)
    for i in range(6):
        services.create_board(actor=people["bob"], edition=edition, title=f"Shared {i}", visibility="cohort")
        extra = services.add_card(board=board, actor=people["bob"], title=f"Card {i}", trl=i + 1)
        _score(extra, people["bob"], 3)
        _score(extra, people["alice"], 4)
        services.decide(card=extra, actor=people["bob"], decision="hold", rationale="Later")
    as_lead.get(home), as_lead.get(page)
    with django_assert_num_queries(HOME_QUERIES):
        response = as_lead.get(home)
    assert len(re.findall(r">Shared \d<", response.content.decode())) == 6
    with django_assert_num_queries(BOARD_QUERIES):
        response = as_lead.get(page)
    assert response.content.decode().count("Weighted mean 3.5") == 6
