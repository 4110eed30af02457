"""The strategy's pages: writing one through the forms (a refused form keeps what was typed), check-ins, sharing
with the module lead, the lead's feedback (a mail queued on commit), the staff's overview (404 for a private one),
query counts of the lists and the strategy page."""

import pytest
from django.urls import reverse

from campus.communications.models import OutboxMessage
from campus.strategy import selectors, services
from campus.strategy.models import Comment, Strategy

from .conftest import build

pytestmark = pytest.mark.django_db


def test_a_participant_writes_a_strategy(client, people):
    client.force_login(people["alice"])
    response = client.post(reverse("strategy:home"), {"cluster_name": "", "vision": "Kept vision text",
                                                      "mission": "Kept mission", "owner_kind": "participant"})
    page = response.content.decode()
    assert response.status_code == 200 and "Kept vision text" in page and "Kept mission" in page
    assert "There is a problem" in page
    response = client.post(reverse("strategy:home"), {"cluster_name": "Vaasa Energy", "vision": "V", "mission": "M",
                                                      "owner_kind": "participant"})
    strategy = Strategy.objects.get(cluster_name="Vaasa Energy")
    assert response.status_code == 302 and response["Location"] == reverse("strategy:detail", args=[strategy.pk])
    client.post(reverse("strategy:objective_add", args=[strategy.pk]), {"title": "Grow exports"})
    objective = selectors.objectives_of(strategy)[0]
    response = client.post(reverse("strategy:indicator_add", args=[strategy.pk, objective.pk]), {
        "name": "Export projects", "unit": "projects", "baseline_value": "abc", "baseline_date": "2026-13-01",
        "direction": "up", "targets": "2027-12-31 20\nsoon 30"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "“abc” is not a number." in page and "Give the date as year-month-day" in page
    assert "Line 2 (“soon 30”): write the date, then the value." in page
    assert "Export projects" in page and "soon 30" in page  # nothing typed is lost
    response = client.post(reverse("strategy:indicator_add", args=[strategy.pk, objective.pk]), {
        "name": "Export projects", "unit": "projects", "baseline_value": "1 200,5", "baseline_date": "2026-01-01",
        "direction": "up", "targets": "2027-12-31 1500\n2028-12-31: 2000"})
    assert response.status_code == 302
    indicator = selectors.indicators_of(strategy)[0]
    assert indicator.baseline_value == 1200.5 and [t.value for t in indicator.targets.all()] == [1500, 2000]
    client.post(reverse("strategy:action_add", args=[strategy.pk, objective.pk]), {
        "title": "Trade fair", "owner_name": "Cluster manager", "due_date": "2027-03-01", "status": "planned"})
    action = selectors.actions_of(strategy)[0]
    response = client.post(reverse("strategy:checkin", args=[strategy.pk]), {
        "date": "2026-06-30", "note": "Half year", f"value_{indicator.pk}": "1350", f"note_{indicator.pk}": "fine",
        f"status_{action.pk}": "started"})
    assert response.status_code == 302
    page = client.get(reverse("strategy:detail", args=[strategy.pk])).content.decode()
    assert "Half year" in page and "50 % of the way" in page and '<progress class="strategy-bar"' in page
    assert "<svg" in page and "The map as a list" in page and "In progress" in page


def test_a_refused_checkin_keeps_the_values(client, strategy, people):
    client.force_login(people["alice"])
    indicator = selectors.indicators_of(strategy)[0]
    response = client.post(reverse("strategy:checkin", args=[strategy.pk]), {
        "date": "", "note": "My note", f"value_{indicator.pk}": "twelve", f"note_{indicator.pk}": "kept note"})
    page = response.content.decode()
    assert response.status_code == 200 and "“twelve” is not a number." in page
    assert "My note" in page and "kept note" in page and 'value="twelve"' in page


def test_others_get_404_on_every_editing_page(client, strategy, people):
    services.share_strategy(strategy=strategy, actor=people["alice"], visibility="cohort")
    client.force_login(people["carol"])
    assert client.get(reverse("strategy:detail", args=[strategy.pk])).status_code == 200
    objective = selectors.objectives_of(strategy)[0]
    for name, args in (("strategy:edit", [strategy.pk]), ("strategy:sharing", [strategy.pk]),
                       ("strategy:objective", [strategy.pk, objective.pk]), ("strategy:checkin", [strategy.pk])):
        assert client.get(reverse(name, args=args)).status_code == 404, name
    assert client.post(reverse("strategy:delete", args=[strategy.pk])).status_code == 404
    assert client.post(reverse("strategy:comment", args=[strategy.pk]), {"text": "x"}).status_code == 404


def test_the_module_lead_gives_feedback(client, strategy, people, django_capture_on_commit_callbacks):
    url = reverse("staff_strategy:strategy", args=[strategy.pk])
    client.force_login(people["lead"])
    assert client.get(reverse("staff_strategy:home")).status_code == 200
    assert client.get(url).status_code == 404  # private
    services.share_strategy(strategy=strategy, actor=people["alice"], visibility="leads")
    assert "Vaasa Energy Cluster" in client.get(reverse("staff_strategy:home")).content.decode()
    objective = selectors.objectives_of(strategy)[1]
    response = client.post(url, {"text": ""})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url, {"text": "Sharpen the second objective.", "objective": objective.pk})
    assert response.status_code == 302
    assert len(callbacks) == 1  # the mail is sent once the transaction commits
    message = OutboxMessage.objects.get(event="strategy_feedback")
    assert message.recipient == people["alice"] and message.state == "queued"
    assert "Vaasa Energy Cluster" in message.subject and "Sharpen the second objective." in message.body
    assert "Lena Lead" in message.body and reverse("strategy:detail", args=[strategy.pk]) in message.body
    assert Comment.objects.get().objective == objective
    client.force_login(people["alice"])
    page = client.get(reverse("strategy:detail", args=[strategy.pk])).content.decode()
    assert "Sharpen the second objective." in page and "Feedback on this objective" in page
    client.post(reverse("strategy:comment", args=[strategy.pk]), {"text": "Thanks, done."})
    assert OutboxMessage.objects.filter(event="strategy_feedback").count() == 1  # an owner's answer mails nobody


def test_a_lead_of_another_edition_sees_nothing(client, strategy, people):
    services.share_strategy(strategy=strategy, actor=people["alice"], visibility="cohort")
    client.force_login(people["otto"])
    assert "Vaasa" not in client.get(reverse("staff_strategy:home")).content.decode()
    assert client.get(reverse("staff_strategy:strategy", args=[strategy.pk])).status_code == 404
    assert client.post(reverse("staff_strategy:strategy", args=[strategy.pk]), {"text": "x"}).status_code == 404


def test_public_link_page_and_pdf(client, strategy, people):
    token = services.open_public_link(strategy=strategy, actor=people["alice"])
    response = client.get(reverse("strategy_public:strategy", args=[token]))
    assert response.status_code == 200 and "Vaasa Energy Cluster" in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert client.get(reverse("strategy_public:pdf", args=[token]))["Content-Type"] == "application/pdf"
    services.revoke_public_link(strategy=strategy, actor=people["alice"])
    assert client.get(reverse("strategy_public:strategy", args=[token])).status_code == 404


def _count(client, url, django_assert_num_queries, n):
    client.get(url)  # warm up (the content memo)
    with django_assert_num_queries(n):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("more", [False, True])
def test_query_counts(client, people, edition, django_assert_num_queries, more):
    alice = people["alice"]
    first = build(alice, edition, objectives=1, checkins=1)
    services.share_strategy(strategy=first, actor=alice, visibility="leads")
    if more:
        for n in range(4):
            s = build(alice, edition, name=f"Cluster {n}", objectives=4, actions=3, indicators=2, checkins=3)
            services.share_strategy(strategy=s, actor=alice, visibility="cohort")
        first = build(alice, edition, name="Big", objectives=6, actions=5, indicators=3, checkins=6)
        services.share_strategy(strategy=first, actor=alice, visibility="leads")
    client.force_login(alice)
    _count(client, reverse("strategy:home"), django_assert_num_queries, HOME)
    _count(client, reverse("strategy:detail", args=[first.pk]), django_assert_num_queries, DETAIL)
    client.force_login(people["lead"])
    _count(client, reverse("staff_strategy:home"), django_assert_num_queries, STAFF_HOME)
    _count(client, reverse("staff_strategy:strategy", args=[first.pk]), django_assert_num_queries, STAFF_DETAIL)


# the same with one strategy and with five (6 objectives, 30 actions, 18 indicators, 6 check-ins)
HOME, DETAIL, STAFF_HOME, STAFF_DETAIL = 10, 13, 8, 16
