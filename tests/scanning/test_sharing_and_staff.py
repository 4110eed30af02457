"""Sharing of a signal (who sees it, the public read-only link, the log it goes to) and the staff overview of the
cohort's signals for module leads and managers (filters, one signal with its comments and votes, query counts)."""

import pytest
from django.urls import reverse

from campus.core.plugins import staff as staff_sections
from campus.scanning import services
from campus.scanning.models import Signal
from campus.team.models import TeamMembership
from tests.radars.conftest import make_user

pytestmark = pytest.mark.django_db


def test_capture_into_a_group_log_or_the_cohort_log(people, login):
    alice = login(people["alice"])
    base = {"title": "Group log signal", "source_kind": "news", "steep": "social", "kind": "weak", "strength": 3,
            "horizon": "2-5", "impact": 3, "uncertainty": 3}
    refused = alice.post("/me/signals/new/", {**base, "owner_kind": "group", "why": "kept"})
    html = refused.content.decode()
    assert refused.status_code == 200 and "Choose the coaching group whose log it is." in html and "kept" in html
    assert alice.post("/me/signals/new/", {**base, "owner_kind": "group", "group": people["g1"].pk}).status_code == 302
    signal = Signal.objects.get(title="Group log signal")
    assert signal.owner_kind == "group" and signal.group == people["g1"]
    assert login(people["bob"]).get(f"/me/signals/{signal.pk}/edit/").status_code == 200  # a member edits it
    assert login(people["carol"]).get(f"/me/signals/{signal.pk}/").status_code == 404
    alice = login(people["alice"])
    refused = alice.post("/me/signals/new/", {**base, "title": "Other group", "owner_kind": "group",
                                              "group": people["g2"].pk})
    assert refused.status_code == 200 and not Signal.objects.filter(title="Other group").exists()
    alice.post("/me/signals/new/", {**base, "title": "Cohort log signal", "owner_kind": "cohort"})
    cohort = Signal.objects.get(title="Cohort log signal")
    assert cohort.owner_kind == "cohort" and cohort.visibility == "cohort"
    assert login(people["carol"]).get(f"/me/signals/{cohort.pk}/edit/").status_code == 200


def test_the_owner_shares_with_the_group_then_the_cohort(signals, people, login):
    private = signals["private"]
    url = reverse("scanning:sharing", args=[private.pk])
    assert login(people["bob"]).get(url).status_code == 404  # only those who edit it
    alice = login(people["alice"])
    page = alice.get(url).content.decode()
    assert "Anyone who has the link can read everything" in page and "Make a public link" in page
    refused = alice.post(url, {"visibility": "group"})
    assert refused.status_code == 200 and "Choose one of your coaching groups." in refused.content.decode()
    assert alice.post(url, {"visibility": "group", "group": people["g2"].pk}).status_code == 200  # not her group
    assert alice.post(url, {"visibility": "group", "group": people["g1"].pk}).status_code == 302
    assert login(people["bob"]).get(f"/me/signals/{private.pk}/").status_code == 200
    assert login(people["carol"]).get(f"/me/signals/{private.pk}/").status_code == 404
    login(people["alice"]).post(url, {"visibility": "cohort"})
    assert login(people["carol"]).get(f"/me/signals/{private.pk}/").status_code == 200
    assert login(people["dan"]).get(f"/me/signals/{private.pk}/").status_code == 404  # another cohort


def test_public_link_reads_without_comments_and_dies_when_revoked(signals, people, login, client):
    private = signals["private"]
    services.comment(signal=private, actor=people["alice"], text="A comment nobody outside may read")
    alice = login(people["alice"])
    url = reverse("scanning:sharing", args=[private.pk])
    alice.post(url, {"action": "open_link"})
    private.refresh_from_db()
    first = private.public_token
    assert first and first in alice.get(url).content.decode()
    client.logout()
    response = client.get(f"/signals/shared/{first}/")
    html = response.content.decode()
    assert response.status_code == 200 and "Alice private hydrogen" in html and "secret why" in html
    assert "A comment nobody outside" not in html and response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    login(people["alice"]).post(url, {"action": "open_link"})  # replaced: the old link is dead
    private.refresh_from_db()
    assert private.public_token != first
    client.logout()
    assert client.get(f"/signals/shared/{first}/").status_code == 404
    second = private.public_token
    login(people["alice"]).post(url, {"action": "revoke_link"})
    client.logout()
    assert client.get(f"/signals/shared/{second}/").status_code == 404
    assert Signal.objects.get(pk=private.pk).public_token is None


@pytest.fixture
def cohort_work(signals, people, edition):
    made = services.create_signal
    shared = made(actor=people["bob"], edition=edition, title="Bob cohort batteries", visibility="cohort",
                  steep="economic", kind="trend")
    group_log = made(actor=people["carol"], edition=edition, title="Group two log", owner_kind="group",
                     group=people["g2"], steep="political")
    services.triage(signal=group_log, actor=people["carol"], to="watching")
    services.comment(signal=shared, actor=people["carol"], text="Seen at the fair too")
    services.toggle_vote(signal=shared, actor=people["alice"])
    return {**signals, "shared": shared, "group_log": group_log}


def test_the_staff_section_is_registered_for_leads_and_managers(people):
    section = next(s for s in staff_sections.sections() if s.url_name == "staff_signals:home")
    assert section.title == "Signals" and section.order == 57
    assert section.predicate(people["lead"]) and section.predicate(people["manager"])
    assert not section.predicate(people["alice"])


def test_staff_overview_lists_the_cohorts_work_never_a_private_signal(cohort_work, people, login):
    lead = login(people["lead"])
    html = lead.get(reverse("staff_signals:home")).content.decode()
    for shown in ("Group heat pumps", "Carol group-2 batteries", "Bob cohort batteries", "Group two log"):
        assert shown in html
    for hidden in ("Alice private hydrogen", "Dan other cohort"):
        assert hidden not in html
    assert "Private (only the owner)" not in html  # a group's log is seen by its group, and says so
    assert "<td>Coaching group 2</td>" in html and "<td>The whole cohort</td>" in html
    html = lead.get(reverse("staff_signals:home"), {"steep": "economic"}).content.decode()
    assert "Bob cohort batteries" in html and "Group heat pumps" not in html
    html = lead.get(reverse("staff_signals:home"), {"state": "watching"}).content.decode()
    assert "Group two log" in html and "Bob cohort batteries" not in html
    html = lead.get(reverse("staff_signals:home"), {"kind": "trend", "steep": "economic"}).content.decode()
    assert "Bob cohort batteries" in html and "Group two log" not in html
    html = lead.get(reverse("staff_signals:home"), {"kind": "nonsense"}).content.decode()
    assert "Group heat pumps" in html  # an unknown choice filters nothing
    detail = lead.get(reverse("staff_signals:signal", args=[cohort_work["shared"].pk])).content.decode()
    assert "Seen at the fair too" in detail and "1 vote." in detail
    for hidden in ("private", "dan"):
        assert lead.get(reverse("staff_signals:signal", args=[cohort_work[hidden].pk])).status_code == 404
    assert lead.get(reverse("staff_signals:signal", args=[999999999])).status_code == 404
    assert login(people["manager"]).get(reverse("staff_signals:signal", args=[cohort_work["group"].pk])).status_code == 200


def test_staff_pages_are_for_leads_of_the_edition_only(cohort_work, people, login, edition):
    for who in ("alice", "carol"):
        assert login(people[who]).get(reverse("staff_signals:home")).status_code == 404
    other_lead = make_user("olga.lead@example.org", "Olga Lead", is_staff=True)
    TeamMembership.objects.create(edition=people["other"], user=other_lead, role=TeamMembership.Role.MODULE_LEAD)
    client = login(other_lead)
    html = client.get(reverse("staff_signals:home")).content.decode()
    assert "Dan other cohort" in html and "Group heat pumps" not in html
    assert client.get(reverse("staff_signals:signal", args=[cohort_work["shared"].pk])).status_code == 404


STAFF_QUERIES = 8  # session, user, roles, editions led, signals (owner, group, edition and programme joined, votes
# and comments counted), content version, 2x permissions; none per signal


def test_staff_overview_query_count_does_not_grow(cohort_work, people, login, edition, django_assert_num_queries):
    lead = login(people["lead"])
    url = reverse("staff_signals:home")
    lead.get(url)
    with django_assert_num_queries(STAFF_QUERIES):
        lead.get(url)
    for i in range(12):
        signal = services.create_signal(actor=people["bob"], edition=edition, title=f"More {i}",
                                        owner_kind="group", group=people["g1"])
        services.comment(signal=signal, actor=people["alice"], text="hm")
        services.toggle_vote(signal=signal, actor=people["alice"])
    with django_assert_num_queries(STAFF_QUERIES):
        html = lead.get(url).content.decode()
    assert html.count("More ") >= 12
    with django_assert_num_queries(STAFF_QUERIES):
        lead.get(url, {"steep": "technological", "kind": "weak", "state": "new"})
