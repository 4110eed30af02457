"""The card's edit page (technology or idea, owner, TRL with evidence, description, linked signals) and the move
as the board's script sends it (HX-Request: the stages come back with the sentence to announce)."""

import pytest
from django.urls import reverse

from campus.assessment import services, states
from campus.assessment.models import Card

pytestmark = pytest.mark.django_db


def _form(**changes):
    data = {"title": "Heat pumps", "kind": "technology", "owner": "", "trl": "6", "trl_evidence": "Pilot",
            "description": ""}
    data.update(changes)
    return data


def test_edit_the_card(login, card, people, signals):
    c = login(people["bob"])
    page = c.get(reverse("assessment:card_edit", args=[card.pk])).content.decode()
    assert "Group heat pumps" in page  # a group signal bob sees
    assert "Alice private hydrogen" not in page and "Carol group-2 batteries" not in page
    response = c.post(reverse("assessment:card_edit", args=[card.pk]), _form(
        title="Large heat pumps", kind="idea", owner=str(people["bob"].pk), trl="7", trl_evidence="Two plants",
        description="For district heating", linked_signals=[str(signals["group"].pk)]))
    assert response.status_code == 302
    card = Card.objects.get(pk=card.pk)
    assert (card.title, card.kind, card.owner, card.trl, card.trl_evidence) == (
        "Large heat pumps", "idea", people["bob"], 7, "Two plants")
    assert list(card.linked_signals.all()) == [signals["group"]]
    page = c.get(reverse("assessment:card", args=[card.pk])).content.decode()
    assert "Linked signals" in page and "Group heat pumps" in page


def test_bad_input_keeps_what_was_typed(login, card, people, signals):
    c = login(people["alice"])
    response = c.post(reverse("assessment:card_edit", args=[card.pk]), _form(
        title="", trl="12", trl_evidence="Typed evidence", description="Typed description",
        linked_signals=[str(signals["group"].pk)]))
    page = response.content.decode()
    assert response.status_code == 400 and "Typed evidence" in page and "Typed description" in page
    assert f'value="{signals["group"].pk}" ' in page.replace("checked", " ")
    assert "Edit “Heat pumps”" in page  # the heading keeps the saved title
    assert Card.objects.get(pk=card.pk).title == "Heat pumps"


def test_owner_and_signals_are_limited(login, card, people, signals):
    c = login(people["alice"])
    response = c.post(reverse("assessment:card_edit", args=[card.pk]), _form(owner=str(people["carol"].pk)))
    assert response.status_code == 400 and Card.objects.get(pk=card.pk).owner == people["alice"]
    response = c.post(reverse("assessment:card_edit", args=[card.pk]),
                      _form(linked_signals=[str(signals["carol"].pk)]))
    assert response.status_code == 400 and not Card.objects.get(pk=card.pk).linked_signals.exists()
    with pytest.raises(services.AssessmentError):  # the service refuses too
        services.update_card(card=card, actor=people["alice"], title="X", kind="idea",
                             linked_signals=[signals["dan"]])


def test_a_signal_the_editor_cannot_see_stays_linked_and_unnamed(login, card, people, signals):
    services.update_card(card=card, actor=people["alice"], title=card.title, kind=card.kind, trl=card.trl,
                         linked_signals=[signals["private"], signals["group"]])
    c = login(people["bob"])
    page = c.get(reverse("assessment:card", args=[card.pk])).content.decode()
    assert "Alice private hydrogen" not in page and "1 signal you cannot see" in page
    c.post(reverse("assessment:card_edit", args=[card.pk]), _form(linked_signals=[]))
    assert set(Card.objects.get(pk=card.pk).linked_signals.all()) == {signals["private"]}


def test_others_cannot_edit(login, card, people):
    for who in ("carol", "lead", "dan"):
        c = login(people[who])
        assert c.get(reverse("assessment:card_edit", args=[card.pk])).status_code in (403, 404)
        assert c.post(reverse("assessment:card_edit", args=[card.pk]), _form(title="X")).status_code in (403, 404)
    assert Card.objects.get(pk=card.pk).title == "Heat pumps"


def test_move_by_script_answers_the_stages_and_the_announcement(login, card, people):
    c = login(people["bob"])
    response = c.post(reverse("assessment:move", args=[card.pk]), {"to": states.SCREENING},
                      headers={"HX-Request": "true"})
    page = response.content.decode()
    assert response.status_code == 200 and page.lstrip().startswith('<div id="board-columns"')
    assert 'data-announce="“Heat pumps” moved to Screening."' in page
    assert Card.objects.get(pk=card.pk).stage == states.SCREENING
    response = c.post(reverse("assessment:move", args=[card.pk]), {"to": states.PILOT},
                      headers={"HX-Request": "true"})
    assert response.status_code == 400 and "cannot move to pilot" in response.content.decode()
    assert Card.objects.get(pk=card.pk).stage == states.SCREENING
    board_page = c.get(reverse("assessment:board", args=[card.board_id])).content.decode()
    assert "moved to" not in board_page.split('id="board-status"')[1].split("</p>")[0]  # no message left over


def test_export_names_the_linked_signals_and_erasure_keeps_the_card(card, people, signals):
    from campus.assessment import privacy_handler
    from campus.core.plugins.privacy import Person, Subject

    services.update_card(card=card, actor=people["alice"], title=card.title, kind=card.kind,
                         linked_signals=[signals["group"]])
    handler = privacy_handler.AssessmentHandler()
    person = Person(subject=Subject(user=people["alice"], emails=[people["alice"].email]))
    data, _ = handler.export(person)
    assert data["assessment"]["cards"][0]["linked_signals"] == ["Group heat pumps"]
    handler.erase(handler.plan(person), person)
    card = Card.objects.get(pk=card.pk)  # on the group's board: kept, without its owner, links kept
    assert card.owner is None and list(card.linked_signals.all()) == [signals["group"]]
