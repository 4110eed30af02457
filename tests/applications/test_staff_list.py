"""The list of applications of a call: columns, counts, filters, search, pages, and a query count that
does not grow with the number of applications."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campus.applications import services
from campus.applications.models import Call

from .staff_factories import (  # noqa: F401  (fixtures)
    SCRIPT, make_application, manager, manager_client, media, viewer,
)

# The whole list page, whatever the number of rows (5 or 60): session, user, the user's two permission
# reads, the calls for the switcher, the content version (programme, edition, current call and the footer pages
# are kept per version: campus.core.content_memo), the countries for the filter, the paginator's count, the
# counts (one aggregate), the page of rows, their documents.
LIST_QUERIES = 12  # + one for the staff bar (the team roles of the signed-in person)


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return re.findall(r"<tr>.*?</tr>", body, flags=re.S)


@pytest.fixture
def three(call, media, manager):
    aino = make_application(call, email="aino.v@example.fi")
    lars = make_application(call, email="lars@example.se", first_name="Lars", last_name="Nilsson",
                            country_of_residence="SE", organisation="Skåne Food Cluster")
    ona = make_application(call, email="ona@example.lt", first_name="Ona", last_name="Kazlauskienė",
                           country_of_residence="LT", organisation="Kaunas ICT Cluster", years_as_manager=1,
                           submit=False)
    return aino, lars, ona


@pytest.mark.django_db
def test_the_list_shows_the_current_calls_applications_with_their_columns(manager_client, three):
    aino, lars, ona = three
    response = manager_client.get("/staff/applications/")
    assert response.status_code == 200
    html = response.content.decode()
    assert len(_rows(html)) == 3
    for text in [aino.reference, "Aino Virtanen", "Ostrobothnia Energy Cluster", "Finland", "Lars Nilsson", "Sweden",
                 "Kaunas ICT Cluster", "Lithuania", "Submitted", "Draft", "Not eligible", "Eligible"]:
        assert text in html, text
    assert f'href="/staff/applications/{ona.pk}/?call={ona.call_id}"' in html  # the list's filters go along
    cv = aino.documents.get()
    assert f'href="/apply/documents/{cv.pk}/"' in html
    # submitted first (newest first), the draft last
    assert html.index(lars.reference) < html.index(aino.reference) < html.index(ona.reference)
    # the counts above the list
    counts = html.split('class="staff-counts"', 1)[1].split("</section>", 1)[0]
    assert re.search(r'staff-counts__n">3</span> All', counts)
    assert re.search(r'staff-counts__n">2</span> Submitted', counts)
    assert re.search(r'staff-counts__n">1</span> Draft', counts)
    assert re.search(r'staff-counts__n">2</span> Eligible', counts)
    assert re.search(r'staff-counts__n">1</span> Not eligible', counts)


@pytest.mark.django_db
def test_an_override_counts_as_the_eligibility_and_is_marked(manager_client, manager, three):
    ona = three[2]
    services.override_eligibility(application=ona, status="eligible", reason="Deputy manager for years.",
                                  actor=manager)
    html = manager_client.get("/staff/applications/?eligibility=eligible").content.decode()
    rows = _rows(html)
    assert len(rows) == 3
    ona_row = next(row for row in rows if ona.reference in row)
    assert "Eligible" in ona_row and "overridden" in ona_row
    assert all("overridden" not in row for row in rows if ona.reference not in row)
    assert len(_rows(manager_client.get("/staff/applications/?eligibility=not_eligible").content.decode())) == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("state=draft", {"ona"}),
        ("state=submitted", {"aino", "lars"}),
        ("eligibility=not_eligible", {"ona"}),
        ("country=SE", {"lars"}),
        ("q=nilsson", {"lars"}),  # name, any case
        ("q=ONA%40EXAMPLE.lt", {"ona"}),  # email
        ("q=food+cluster", {"lars"}),  # organisation, every word
        ("q=energy", {"aino"}),
        ("state=submitted&country=FI", {"aino"}),
        ("q=nobody-at-all", set()),
    ],
)
def test_filters_and_search(manager_client, three, query, expected):
    names = dict(zip(["aino", "lars", "ona"], three))
    html = manager_client.get(f"/staff/applications/?{query}").content.decode()
    found = {name for name, application in names.items() if application.reference in "".join(_rows(html))}
    assert found == expected
    if not expected:
        assert "No applications match the filters." in html


@pytest.mark.django_db
def test_search_by_reference(manager_client, three):
    lars = three[1]
    html = manager_client.get(f"/staff/applications/?q={lars.reference.lower()}").content.decode()
    assert [lars.reference in row for row in _rows(html)] == [True]


@pytest.mark.django_db
def test_the_filter_form_keeps_what_was_chosen_and_ignores_values_that_are_no_choice(manager_client, three):
    html = manager_client.get("/staff/applications/?state=draft&q=Ona").content.decode()
    assert '<option value="draft" selected>' in html
    assert 'value="Ona"' in html
    response = manager_client.get("/staff/applications/?state=bogus&eligibility=%3Cscript%3E&country=ZZ&page=x")
    assert response.status_code == 200
    html = response.content.decode()
    assert len(_rows(html)) == 3  # the invalid filters are left out, not guessed
    assert "Select a valid choice" in html
    assert "<script>" not in html


@pytest.mark.django_db
def test_another_call_by_its_id_and_unknown_calls(manager_client, call, three):
    other = Call.objects.create(
        edition=call.edition, title="Call for applications 2027", opens_at=timezone.now() + timedelta(days=100),
        closes_at=timezone.now() + timedelta(days=130), reference_prefix="BSR27", privacy_version="1",
    )
    html = manager_client.get(f"/staff/applications/?call={other.pk}").content.decode()
    assert "Call for applications 2027" in html and _rows(html) == []
    assert "No applications." in html
    html = manager_client.get("/staff/applications/").content.decode()  # the open call is the current one
    assert len(_rows(html)) == 3 and f'<option value="{other.pk}">' in html
    assert manager_client.get("/staff/applications/?call=999999").status_code == 404
    assert manager_client.get("/staff/applications/?call=abc").status_code == 404


@pytest.mark.django_db
def test_no_call_yet(manager_client, seeded):
    Call.objects.all().delete()
    response = manager_client.get("/staff/applications/")
    assert response.status_code == 200
    assert "There is no call for applications yet." in response.content.decode()
    assert manager_client.get("/staff/applications/export.csv").status_code == 404


def _many(call, count, start=0):
    for number in range(start, start + count):
        make_application(call, email=f"applicant{number}@example.org", first_name=f"Person{number}",
                         submit=number % 3 != 0, country_of_residence=["FI", "SE", "LT", "DE"][number % 4])


@pytest.mark.slow
@pytest.mark.django_db
def test_fifty_a_page(manager_client, call, media, manager):
    _many(call, 60)
    first = manager_client.get("/staff/applications/?state=").content.decode()
    assert len(_rows(first)) == 50
    assert "1–50 of 60 applications" in first
    assert 'href="?state=&amp;page=2"' in first
    assert first.count('<option value="FI">') == 1  # each country once in the filter
    second = manager_client.get("/staff/applications/?state=&page=2").content.decode()
    assert len(_rows(second)) == 10 and "51–60 of 60" in second
    last = manager_client.get("/staff/applications/?page=999").content.decode()
    assert len(_rows(last)) == 10  # past the end: the last page


@pytest.mark.slow
@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_applications(client, call, media, viewer):
    """Pinned: 5 applications and 60 applications cost the same number of queries (LIST_QUERIES)."""
    client.force_login(viewer)  # a plain member of staff: permission reads are part of the cost
    _many(call, 5)
    client.get("/staff/applications/")  # the process keeps the content it read (campus.core.content_memo)
    with CaptureQueriesContext(connection) as few:
        response = client.get("/staff/applications/")
    assert response.status_code == 200 and len(_rows(response.content.decode())) == 5
    _many(call, 55, start=5)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/staff/applications/")
    assert response.status_code == 200 and len(_rows(response.content.decode())) == 50
    assert len(few) == len(many), "\n".join(q["sql"] for q in many.captured_queries)
    assert len(many) == LIST_QUERIES, "\n".join(q["sql"] for q in many.captured_queries)


@pytest.mark.django_db
def test_markup_in_answers_is_shown_as_text(manager_client, call, media):
    make_application(call, email="mallory@example.org", first_name=SCRIPT, organisation="<b>Bold</b> Org")
    html = manager_client.get("/staff/applications/").content.decode()
    assert SCRIPT not in html and "<b>Bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; Org" in html
