"""An assignment may ask for a registered submission kind (core.plugins.submissions) instead of files: the
attempt form offers the participant's things, the attempt keeps a snapshot, the lead sees a link and the copy."""

import pytest
from django.urls import reverse

from campus.canvases import services as canvases
from campus.canvases.models import CanvasType
from campus.core.plugins import submissions
from campus.coursework import services
from campus.coursework.models import Attempt

from .conftest import make_assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def canvas_assignment(module1, lead1):
    return make_assignment(module1, lead1, title="Your SWOT", submission_kind="canvas")


@pytest.fixture
def swot(alice, edition):
    kind = CanvasType.objects.get(key="swot")
    canvas = canvases.create_canvas(actor=alice.user, edition=edition, canvas_type=kind, title="Alice SWOT")
    canvases.add_item(canvas=canvas, actor=alice.user, box_id=kind.boxes.get(key="strengths").pk, text="Strong ports")
    return canvas


def test_the_registry_offers_files_and_the_canvas():
    assert submissions.choices()[0] == ("", "Text and files")
    assert "canvas" in dict(submissions.choices())
    with pytest.raises(ValueError):
        submissions.register(submissions.SubmissionKind(key="no spaces", label="x", choices_for=None,
                                                        describe=None, snapshot=None))


def test_an_unknown_kind_is_refused(module1, lead1):
    with pytest.raises(services.CourseworkError):
        make_assignment(module1, lead1, submission_kind="telepathy")


def test_hand_in_a_canvas_keeps_a_snapshot(client, alice, bob, swot, canvas_assignment, lead1, edition):
    client.force_login(alice.user)
    url = reverse("coursework:assignment", args=[canvas_assignment.pk])
    page = client.get(url).content.decode()
    assert "Alice SWOT (SWOT analysis)" in page
    response = client.post(url, {"text": ""})
    assert response.status_code == 200 and "Choose what you hand in" in response.content.decode()
    response = client.post(url, {"handed_in": swot.pk, "text": "See the threats."})
    assert response.status_code == 302
    attempt = Attempt.objects.get()
    assert attempt.handed_in_kind == "canvas" and attempt.handed_in_id == swot.pk
    assert attempt.handed_in_snapshot["boxes"][0]["items"][0]["text"] == "Strong ports"
    item = swot.items.get()
    canvases.update_item(item=item, actor=alice.user, text="Changed later", colour="yellow")
    attempt.refresh_from_db()
    assert attempt.handed_in_snapshot["boxes"][0]["items"][0]["text"] == "Strong ports"
    client.force_login(lead1)
    page = client.get(reverse("staff_coursework:attempt", args=[attempt.pk])).content.decode()
    assert "Strong ports" in page and reverse("staff_canvases:canvas", args=[swot.pk]) in page


def test_someone_elses_canvas_cannot_be_handed_in(alice, bob, swot, canvas_assignment):
    with pytest.raises(services.CourseworkError):
        services.submit_attempt(assignment=canvas_assignment, participant=bob, text="",
                                actor=bob.user, handed_in=swot.pk)
    assert not Attempt.objects.exists()


def test_the_lead_chooses_the_kind_on_the_assignment_form(client, lead1, module1):
    client.force_login(lead1)
    page = client.get(reverse("staff_coursework:assignment_new", args=[module1.pk])).content.decode()
    assert "What participants hand in" in page and "A canvas" in page


def test_hand_in_the_strategy_keeps_its_state_then(client, alice, bob, lead1, module1, edition):
    from datetime import date
    from decimal import Decimal

    from campus.strategy import services as strategy_services

    assignment = make_assignment(module1, lead1, title="Your strategy", submission_kind="strategy")
    strategy = strategy_services.create_strategy(actor=alice.user, edition=edition, cluster_name="Blue Ports",
                                                 vision="Ports that run on green power")
    objective = strategy_services.add_objective(strategy=strategy, actor=alice.user, title="Electrify the quays")
    strategy_services.save_indicator(objective=objective, actor=alice.user, name="Quays electrified", unit="%",
                                     baseline_value=Decimal("10"), baseline_date=date(2021, 1, 1), direction="up",
                                     targets=[(date(2023, 1, 1), Decimal("50"))])
    assert dict(submissions.choices())["strategy"] == "The cluster strategy"
    client.force_login(bob.user)  # Bob may not hand in Alice's strategy: it is not offered to him
    assert "Blue Ports" not in client.get(reverse("coursework:assignment", args=[assignment.pk])).content.decode()
    client.force_login(alice.user)
    url = reverse("coursework:assignment", args=[assignment.pk])
    assert "Blue Ports" in client.get(url).content.decode()
    assert client.post(url, {"handed_in": strategy.pk, "text": ""}).status_code == 302
    attempt = Attempt.objects.get()
    strategy_services.update_strategy(strategy=strategy, actor=alice.user, cluster_name="Blue Ports",
                                      vision="Changed later")
    attempt.refresh_from_db()
    titles = [box["title"] for box in attempt.handed_in_snapshot["boxes"]]
    assert titles == ["Vision", "Mission", "Objective 1: Electrify the quays"]
    assert attempt.handed_in_snapshot["strategy"]["vision"] == "Ports that run on green power"
    client.force_login(lead1)
    page = client.get(reverse("staff_coursework:attempt", args=[attempt.pk])).content.decode()
    assert "Ports that run on green power" in page and "Indicator: Quays electrified" in page
    assert reverse("staff_strategy:strategy", args=[strategy.pk]) in page
