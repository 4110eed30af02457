"""The staff pages: who gets in (the lead of another module gets a 404 everywhere), the roll call form, the QR
screen, the overview, the exports, creating sessions and webinars; query counts pinned and flat."""

import io

import pytest
from django.db import connection
from django.utils.html import escape
from django.test.utils import CaptureQueriesContext

from campus.attendance import services, tokens
from campus.attendance.models import Attendance, Session

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def session_urls(session):
    base = f"/staff/attendance/sessions/{session.pk}/"
    return [base, base + "edit/", base + "qr/", base + "export.csv", base + "export.xlsx"]


def test_who_gets_in(client, meetup1, make_session, member, manager, lead1, lead2):
    session = make_session(meetup1)
    assert client.get("/staff/attendance/")["Location"].startswith("/accounts/login/")
    assert signed_in(client, member.user).get("/staff/attendance/").status_code == 404
    for url in session_urls(session):
        assert signed_in(client, lead2).get(url).status_code == 404, url
        assert signed_in(client, lead1).get(url).status_code == 200, url
        assert signed_in(client, manager).get(url).status_code == 200, url
    signed_in(client, lead2)
    assert client.post(f"/staff/attendance/sessions/{session.pk}/", {}).status_code == 404
    assert client.post(f"/staff/attendance/sessions/{session.pk}/rest-absent/").status_code == 404
    assert client.get(f"/staff/attendance/meetups/{meetup1.pk}/sessions/new/").status_code == 404
    page = client.get("/staff/attendance/").content.decode()
    assert session.title not in page and meetup1.title not in page  # module 1 is not theirs


def test_the_home_lists_the_meetups_of_the_modules_led(client, meetup1, meetup2, make_session, lead1, manager):
    make_session(meetup1, title="Welcome and introductions")
    page = signed_in(client, lead1).get("/staff/attendance/").content.decode()
    assert "Welcome and introductions" in page and meetup1.title in page and meetup2.title not in page
    page = signed_in(client, manager).get("/staff/attendance/").content.decode()
    assert meetup1.title in page and meetup2.title in page


def test_a_lead_adds_a_session_to_a_meetup_in_its_zone(client, meetup1, lead1):
    signed_in(client, lead1)
    url = f"/staff/attendance/meetups/{meetup1.pk}/sessions/new/"
    assert "Europe/Stockholm" in client.get(url).content.decode()
    response = client.post(url, {"title": "Cluster walk", "local_start": "2026-12-08 09:00",
                                 "local_end": "2026-12-08 08:00", "late_after_minutes": "10"})
    assert response.status_code == 200  # refused: the form comes back filled in
    page = response.content.decode()
    assert "must end after it starts" in page and 'value="Cluster walk"' in page
    response = client.post(url, {"title": "Cluster walk", "local_start": "2026-12-08 09:00",
                                 "local_end": "2026-12-08 11:00", "late_after_minutes": "10"})
    assert response.status_code == 302
    session = Session.objects.get(title="Cluster walk")
    assert session.local_start.hour == 9 and session.starts_at.hour == 8  # Stockholm is UTC+1 in December
    assert session.zone_name == "Europe/Stockholm" and session.module_id == meetup1.module_id


def test_webinars_of_a_module_or_the_edition(client, edition, module1, module2, lead1, manager):
    signed_in(client, lead1)
    page = client.get(f"/staff/attendance/webinars/new/?edition={edition.pk}").content.decode()
    assert escape(str(module1)) in page and escape(str(module2)) not in page and "The whole edition" not in page
    data = {"title": "EU funding", "edition": edition.pk, "module": module2.pk, "local_start": "2026-12-10 14:00",
            "local_end": "2026-12-10 15:00", "timezone": "Europe/Riga", "online_link": "https://meet.example.org/x",
            "late_after_minutes": "5"}
    response = client.post("/staff/attendance/webinars/new/", data)
    assert response.status_code == 200 and not Session.objects.exists()  # not a module they lead
    response = client.post("/staff/attendance/webinars/new/", {**data, "module": ""})
    assert response.status_code == 200 and not Session.objects.exists()  # nor the whole edition
    assert client.post("/staff/attendance/webinars/new/", {**data, "module": module1.pk}).status_code == 302
    webinar = Session.objects.get()
    assert webinar.is_webinar and webinar.module == module1 and webinar.zone_name == "Europe/Riga"
    signed_in(client, manager)
    assert client.post("/staff/attendance/webinars/new/", {**data, "module": "", "title": "Partners"}).status_code == 302
    assert Session.objects.get(title="Partners").module is None


def test_the_roll_call_saves_what_changed_and_keeps_a_refused_form(client, meetup1, make_session, make_members, lead1):
    session = make_session(meetup1, start=-5)
    a, b = make_members(2)
    signed_in(client, lead1)
    url = f"/staff/attendance/sessions/{session.pk}/"
    page = client.get(url).content.decode()
    assert "Familyp000" in page and f'name="status_{a.pk}"' in page
    data = {f"status_{a.pk}": "present", f"remark_{a.pk}": "", f"shown_{a.pk}": "|",
            f"status_{b.pk}": "excused", f"remark_{b.pk}": "x" * 301, f"shown_{b.pk}": "|"}
    response = client.post(url, data)
    assert response.status_code == 200 and not Attendance.objects.exists()
    page = response.content.decode()
    assert "error-summary" in page and "x" * 301 in page  # nothing typed is lost
    response = client.post(url, {**data, f"remark_{b.pk}": "Ill", f"status_{b.pk}": ""})
    assert response.status_code == 200 and "Choose a status for" in response.content.decode()  # a remark alone
    response = client.post(url, {**data, f"remark_{b.pk}": "Ill"})
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("participant_id", "status")) == {a.pk: "present", b.pk: "excused"}
    # a QR check-in meanwhile is not undone by a roll call form loaded before it
    Attendance.objects.filter(participant=a).delete()
    services.check_in(token=tokens.make(session.pk), user=a.user)
    assert client.post(url, {**data, f"remark_{b.pk}": "Ill", f"status_{a.pk}": "", f"shown_{a.pk}": "|",
                             f"shown_{b.pk}": "excused|Ill"}).status_code == 302
    assert Attendance.objects.get(participant=a).method == "qr"


def test_rest_absent_from_the_page(client, meetup1, make_session, make_members, lead1):
    session = make_session(meetup1, start=-5)
    make_members(3)
    response = signed_in(client, lead1).post(f"/staff/attendance/sessions/{session.pk}/rest-absent/")
    assert response.status_code == 302 and Attendance.objects.filter(status="absent").count() == 3


def _count(client, url):
    client.get(url)  # warm: programme, footer pages, forum link kept per content version after it (core.content_memo)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_roll_call_and_overview_queries_are_pinned_and_flat(client, meetup1, make_session, make_members, lead1):
    first, second = make_session(meetup1, start=-5), make_session(meetup1, start=60, title="Later")
    members = make_members(5)
    for member in members[:3]:
        services.check_in(token=tokens.make(first.pk), user=member.user)
    signed_in(client, lead1)
    roll_call, overview = f"/staff/attendance/sessions/{first.pk}/", "/staff/attendance/overview/"
    few = (_count(client, roll_call), _count(client, overview))
    more = make_members(25, prefix="q")
    services.record_roll_call(session=second, marks={m.pk: ("excused", "r") for m in more}, actor=lead1)
    for member in more[:10]:
        services.check_in(token=tokens.make(first.pk), user=member.user)
    many = (_count(client, roll_call), _count(client, overview))
    assert few == many
    # pinned. The roll call: the request's session and user, the staff bar's roles, the session (with meetup,
    # module, edition), who runs it (roles, modules led), the records, the cohort, and the layout's 3 (the content
    # version, permissions twice; programme and pages are kept per version). The overview: the editions of the person
    # too, and no session row of its own.
    assert many == (11, 13), many


def test_the_qr_screen_is_same_origin_and_refreshes_itself(client, meetup1, make_session, lead1):
    session = make_session(meetup1, start=-5)
    response = signed_in(client, lead1).get(f"/staff/attendance/sessions/{session.pk}/qr/")
    page = response.content.decode()
    assert "data-refresh-in=" in page and "/static/attendance/qr-screen.js" in page and "<svg" in page
    assert f"/me/attendance/check-in/{session.pk}-" in page
    assert "https://" not in page.replace("http://testserver", "")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_exports_neutralise_formulas(client, meetup1, make_session, make_members, lead1):
    session = make_session(meetup1, start=-5)
    (a,) = make_members(1)
    services.record_roll_call(session=session, marks={a.pk: ("excused", "=HYPERLINK(\"http://x\")")}, actor=lead1)
    signed_in(client, lead1)
    response = client.get(f"/staff/attendance/sessions/{session.pk}/export.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["Content-Disposition"].startswith("attachment")
    assert "'=HYPERLINK" in text and "Excused" in text and "Familyp000" in text
    response = client.get(f"/staff/attendance/sessions/{session.pk}/export.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert '=HYPERLINK("http://x")' in cells
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)
    response = client.get(f"/staff/attendance/overview/export.csv")
    assert "Excused" in b"".join(response.streaming_content).decode("utf-8-sig")
    assert client.get(f"/staff/attendance/sessions/{session.pk}/export.html").status_code == 404


def test_the_roll_call_escapes_names_and_remarks(client, edition, meetup1, make_session, lead1):
    from tests.attendance.conftest import LONG_AGO, joined
    from tests.cohort.conftest import make_participant

    session = make_session(meetup1, start=-5)
    evil = joined(make_participant(edition, "evil@example.org", given="<script>alert(1)</script>", family="X"),
                  LONG_AGO)
    services.record_roll_call(session=session, marks={evil.pk: ("excused", '"><img src=x onerror=alert(2)>')},
                              actor=lead1)
    page = signed_in(client, lead1).get(f"/staff/attendance/sessions/{session.pk}/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "<img src=x" not in page and "&quot;&gt;&lt;img src=x" in page


def test_a_session_is_deleted_only_without_attendance(client, meetup1, make_session, make_members, lead1, lead2):
    empty, taken = make_session(meetup1, title="Made by mistake"), make_session(meetup1, start=-5)
    (a,) = make_members(1)
    services.record_roll_call(session=taken, marks={a.pk: ("present", "")}, actor=lead1)
    assert signed_in(client, lead2).post(f"/staff/attendance/sessions/{empty.pk}/delete/").status_code == 404
    signed_in(client, lead1)
    assert client.get(f"/staff/attendance/sessions/{empty.pk}/delete/").status_code == 405
    assert client.post(f"/staff/attendance/sessions/{empty.pk}/delete/").status_code == 302
    response = client.post(f"/staff/attendance/sessions/{taken.pk}/delete/", follow=True)
    assert "Attendance is recorded for this session" in response.content.decode()
    assert list(Session.objects.values_list("pk", flat=True)) == [taken.pk]


def test_the_home_queries_are_pinned_and_flat(client, edition, meetup1, meetup2, make_session, manager):
    make_session(meetup1)
    signed_in(client, manager)
    few = _count(client, "/staff/attendance/")
    for start in range(5):
        make_session(meetup1, start=60 * start, title=f"Part {start}")
        make_session(meetup2, start=60 * start, title=f"Other {start}")
        make_session(None, edition=edition, start=60 * start, title=f"Webinar {start}")
    many = _count(client, "/staff/attendance/")
    assert few == many == 13, many  # warm: the content version instead of programme and pages
