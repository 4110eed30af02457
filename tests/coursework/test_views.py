"""The pages of coursework with data that could leak: participant B never sees A's attempts, files or journal;
the lead of module 2 never sees module 1's work; an unshared entry is seen by nobody but its writer (not the
lead, not the manager, not a superuser). Query counts of the lists pinned and flat with rows."""

import pytest
from django.contrib.auth import get_user_model

from campus.communications.models import OutboxMessage
from campus.coursework import services, states
from campus.coursework.models import Attempt, AttemptFile, JournalEntry, Material
from campus.team.models import Role, TeamMembership

from .conftest import detected, make_assignment, upload
from tests.cohort.conftest import make_participant

pytestmark = pytest.mark.django_db

SECRET = "Zq9ALICESECRET"


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def alice_work(assignment, alice):
    attempt = services.submit_attempt(assignment=assignment, participant=alice, text=f"Answer {SECRET}",
                                      uploads=[detected(f"map-{SECRET}.pdf")], actor=alice.user)
    private = services.save_entry(participant=alice, actor=alice.user, title=f"Private {SECRET}", body=SECRET)
    shared = services.save_entry(participant=alice, actor=alice.user, title="Shared with module 1",
                                 body=f"Shared {SECRET}", shared_with=assignment.module)
    return {"attempt": attempt, "file": attempt.files.get(), "private": private, "shared": shared}


# --- the participant -----------------------------------------------------------------------------------


def test_participant_submits_and_sees_feedback(client, assignment, alice, lead1):
    signed_in(client, alice.user)
    page = client.get(f"/me/coursework/assignments/{assignment.pk}/")
    assert page.status_code == 200 and "Not started" in page.content.decode()
    response = client.post(f"/me/coursework/assignments/{assignment.pk}/",
                           {"text": "My map", "files": [upload("map.pdf")]})
    assert response.status_code == 302
    attempt = Attempt.objects.get()
    assert attempt.files.count() == 1
    services.decide(attempt=attempt, decision=states.REVISION_ASKED, feedback="Add partners.", actor=lead1)
    page = client.get(f"/me/coursework/assignments/{assignment.pk}/").content.decode()
    assert "Add partners." in page and "Revision asked" in page and "Submit a new attempt" in page


def test_refused_upload_keeps_the_text(client, assignment, alice):
    signed_in(client, alice.user)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(f"/me/coursework/assignments/{assignment.pk}/",
                           {"text": "Keep me", "files": [SimpleUploadedFile("x.pdf", b"MZ not a pdf")]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Keep me" in page and "There is a problem" in page and "x.pdf" in page
    assert not Attempt.objects.exists()


def test_participant_b_sees_nothing_of_a(client, alice_work, bob, assignment):
    signed_in(client, bob.user)
    for url in (f"/me/coursework/assignments/{assignment.pk}/", "/me/coursework/", "/me/coursework/journal/",
                f"/me/coursework/modules/{assignment.module_id}/", "/me/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
    assert client.get(f"/me/coursework/files/{alice_work['file'].pk}/").status_code == 404
    for entry in (alice_work["private"], alice_work["shared"]):
        assert client.get(f"/me/coursework/journal/{entry.pk}/").status_code == 404
        assert client.post(f"/me/coursework/journal/{entry.pk}/delete/").status_code == 404
    assert JournalEntry.objects.count() == 2


def test_participant_downloads_own_file(client, alice_work, alice):
    response = signed_in(client, alice.user).get(f"/me/coursework/files/{alice_work['file'].pk}/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")


def test_drafts_are_not_shown(client, module1, lead1, alice):
    draft = make_assignment(module1, lead1, title="Draft work", published=False)
    material = services.save_material(module=module1, actor=lead1, title="Draft reading", body="x")
    signed_in(client, alice.user)
    assert client.get(f"/me/coursework/assignments/{draft.pk}/").status_code == 404
    page = client.get(f"/me/coursework/modules/{module1.pk}/").content.decode()
    assert "Draft reading" not in page and "Draft work" not in page
    services.save_material(module=module1, actor=lead1, material=material, title="Reading", body="**Read** it",
                           published=True, week=2, upload=detected("reading.pdf"))
    page = client.get(f"/me/coursework/modules/{module1.pk}/").content.decode()
    assert "Week 2" in page and "<strong>Read</strong>" in page
    assert client.get(f"/me/coursework/materials/{material.pk}/file/").status_code == 200


def test_journal_private_by_default(client, alice, module1):
    signed_in(client, alice.user)
    response = client.post("/me/coursework/journal/", {"title": "Day one", "body": "Notes", "shared_with": ""})
    assert response.status_code == 302
    assert JournalEntry.objects.get().shared_with is None
    refused = client.post("/me/coursework/journal/", {"title": "", "body": "Keep these words", "shared_with": ""})
    assert refused.status_code == 200 and "Keep these words" in refused.content.decode()


def test_home_block_and_calendar(client, assignment, alice):
    page = signed_in(client, alice.user).get("/me/").content.decode()
    assert "Open assignments" in page and assignment.title in page
    from campus.core.plugins import calendar

    items = [i for i in calendar.items_for(alice) if i.kind == "due"]
    assert items[0].uid == f"assignment-{assignment.pk}-due" and items[0].timezone == assignment.module.timezone


# --- staff -----------------------------------------------------------------------------------------------


def test_who_gets_in(client, lead1, alice, manager):
    assert client.get("/staff/coursework/")["Location"].startswith("/accounts/login/")
    assert signed_in(client, alice.user).get("/staff/coursework/").status_code == 404
    assert signed_in(client, lead1).get("/staff/coursework/").status_code == 200
    assert signed_in(client, manager).get("/staff/coursework/").status_code == 200


def test_lead_of_module_2_sees_nothing_of_module_1(client, alice_work, lead2, assignment, module1):
    signed_in(client, lead2)
    assert module1.title not in client.get("/staff/coursework/").content.decode()
    for url in (f"/staff/coursework/modules/{module1.pk}/", f"/staff/coursework/assignments/{assignment.pk}/",
                f"/staff/coursework/assignments/{assignment.pk}/export.csv",
                f"/staff/coursework/assignments/{assignment.pk}/edit/",
                f"/staff/coursework/attempts/{alice_work['attempt'].pk}/",
                f"/staff/coursework/files/{alice_work['file'].pk}/",
                f"/staff/coursework/journal/{alice_work['shared'].pk}/",
                f"/staff/coursework/modules/{module1.pk}/materials/new/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/staff/coursework/attempts/{alice_work['attempt'].pk}/",
                       {"decision": "accepted", "feedback": "x"}).status_code == 404
    journal = client.get("/staff/coursework/journal/").content.decode()
    assert SECRET not in journal and "Shared with module 1" not in journal


def test_unshared_entry_is_invisible_to_lead_manager_and_superuser(client, alice_work, lead1, manager):
    root = get_user_model().objects.create_superuser(email="root@example.org", password="a-long-password-1")
    private = alice_work["private"]
    for user in (lead1, manager, root):
        signed_in(client, user)
        assert client.get(f"/staff/coursework/journal/{private.pk}/").status_code == 404
        listing = client.get("/staff/coursework/journal/").content.decode()
        assert private.title not in listing
        assert ("Shared with module 1" in listing) is (user == lead1)  # shared with the lead, not a manager


def test_shared_entry_is_read_by_the_modules_leads_only(client, edition, alice_work, lead1, lead2, manager, module1):
    """A manager holds every lead's rights on materials and attempts, but a reflection shared with module 1 is
    for module 1's lead(s): not the edition's managers, not a superuser, not the lead of module 2; an edition-wide
    module lead leads module 1 too."""
    shared = alice_work["shared"]
    root = get_user_model().objects.create_superuser(email="root@example.org", password="a-long-password-1")
    wide = get_user_model().objects.create_user(email="wide@example.org", password="a-long-password-1",
                                                is_staff=True)
    TeamMembership.objects.create(edition=edition, user=wide, role=Role.MODULE_LEAD)
    both = get_user_model().objects.create_user(email="both@example.org", password="a-long-password-1",
                                                is_staff=True)
    TeamMembership.objects.create(edition=edition, user=both, role=Role.MANAGER)
    TeamMembership.objects.create(edition=edition, user=both, role=Role.MODULE_LEAD, module=module1)
    for user, reads in ((lead1, True), (wide, True), (both, True), (manager, False), (root, False), (lead2, False)):
        signed_in(client, user)
        assert client.get(f"/staff/coursework/journal/{shared.pk}/").status_code == (200 if reads else 404), user
        assert (shared.body in client.get("/staff/coursework/journal/").content.decode()
                or shared.title in client.get("/staff/coursework/journal/").content.decode()) is reads, user
        if not reads:
            assert client.post(f"/staff/coursework/journal/{shared.pk}/", {"body": "Hi"}).status_code == 404
    assert not shared.comments.exists()


def test_lead_reviews_and_the_outbox_has_the_mail(client, alice_work, lead1, assignment):
    attempt = alice_work["attempt"]
    signed_in(client, lead1)
    page = client.get(f"/staff/coursework/attempts/{attempt.pk}/").content.decode()
    assert SECRET in page and "Your feedback on attempt 1" in page
    refused = client.post(f"/staff/coursework/attempts/{attempt.pk}/", {"feedback": "Good start"})
    assert refused.status_code == 200 and "Good start" in refused.content.decode()
    response = client.post(f"/staff/coursework/attempts/{attempt.pk}/",
                           {"feedback": "Add partners", "decision": "revision_asked"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.state == states.REVISION_ASKED
    assert OutboxMessage.objects.filter(event="coursework_feedback", recipient=alice_work["attempt"].participant.user).exists()
    assert client.get(f"/staff/coursework/files/{alice_work['file'].pk}/").status_code == 200


def test_lead_comments_on_a_shared_entry(client, alice_work, lead1, alice):
    shared = alice_work["shared"]
    signed_in(client, lead1)
    assert client.post(f"/staff/coursework/journal/{shared.pk}/", {"body": "Thank you"}).status_code == 302
    page = signed_in(client, alice.user).get(f"/me/coursework/journal/{shared.pk}/").content.decode()
    assert "Thank you" in page


def test_lead_publishes_an_assignment_in_the_module_zone(client, lead1, module1):
    signed_in(client, lead1)
    response = client.post(f"/staff/coursework/modules/{module1.pk}/assignments/new/", {
        "title": "Stakeholders", "brief": "List them.", "local_due": "2027-03-01 17:00", "reopen": "manual",
        "max_attempts": "3", "published": "on"})
    assert response.status_code == 302
    from campus.coursework.models import Assignment

    made = Assignment.objects.get(title="Stakeholders")
    assert made.local_due.strftime("%Y-%m-%d %H:%M") == "2027-03-01 17:00"
    assert made.reopen == "manual" and made.max_attempts == 3 and made.published


def test_material_editor(client, lead1, module1):
    signed_in(client, lead1)
    refused = client.post(f"/staff/coursework/modules/{module1.pk}/materials/new/", {"title": "Empty"})
    assert refused.status_code == 200 and "Give the material" in refused.content.decode()
    response = client.post(f"/staff/coursework/modules/{module1.pk}/materials/new/", {
        "title": "Slides", "week": "1", "body": "", "link": "", "order": "0", "upload": upload("slides.pdf")})
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.file_name == "slides.pdf" and not material.published
    assert client.post(f"/staff/coursework/materials/{material.pk}/delete/").status_code == 302
    assert not Material.objects.exists()


def test_export_neutralises_formulas(client, assignment, lead1, edition):
    evil = make_participant(edition, "evil@example.org", given="=HYPERLINK(1)", family="x")
    services.submit_attempt(assignment=assignment, participant=evil, text="x", actor=evil.user)
    signed_in(client, lead1)
    content = b"".join(client.get(f"/staff/coursework/assignments/{assignment.pk}/export.csv").streaming_content)
    assert b"'=HYPERLINK" in content
    xlsx = client.get(f"/staff/coursework/assignments/{assignment.pk}/export.xlsx")
    assert xlsx.status_code == 200
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert any(str(v).startswith("=HYPERLINK") for v in values)
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)


# --- query counts: flat with rows -----------------------------------------------------------------------


def _count(client, url, django_assert_num_queries, n):
    client.get(url)  # warm: programme, footer pages and the forum link are kept per content version after it
    with django_assert_num_queries(n):
        assert client.get(url).status_code == 200


def _cohort(edition, assignment, lead, start, count):
    for i in range(start, start + count):
        person = make_participant(edition, f"p{i}@example.org", given=f"P{i}")
        attempt = services.submit_attempt(assignment=assignment, participant=person, text="x",
                                          uploads=[detected()], actor=person.user)
        services.decide(attempt=attempt, decision=states.REVISION_ASKED, feedback="more", actor=lead)
        services.submit_attempt(assignment=assignment, participant=person, text="y", actor=person.user)
        services.save_entry(participant=person, actor=person.user, title="t", body="b", shared_with=assignment.module)


# Session, account, roles and the staff bar or the participant area's own reads included; warm requests: the content
# version read instead of the programme and footer pages (core.content_memo).
STAFF_QUERIES = {"submissions": 11, "journal": 7, "module": 11}
PARTICIPANT_QUERIES = {"home": 7, "module": 8, "journal": 6, "assignment": 7}  # "coaching group?" is in the participation


@pytest.mark.parametrize("count", [1, 6])
def test_staff_lists_are_flat(client, edition, assignment, lead1, count, django_assert_num_queries):
    _cohort(edition, assignment, lead1, 0, count)
    signed_in(client, lead1)
    _count(client, f"/staff/coursework/assignments/{assignment.pk}/", django_assert_num_queries,
           STAFF_QUERIES["submissions"])
    _count(client, "/staff/coursework/journal/", django_assert_num_queries, STAFF_QUERIES["journal"])
    _count(client, f"/staff/coursework/modules/{assignment.module_id}/", django_assert_num_queries,
           STAFF_QUERIES["module"])


@pytest.mark.parametrize("count", [1, 5])
def test_participant_pages_are_flat(client, edition, module1, lead1, alice, count, django_assert_num_queries):
    for i in range(count):
        item = make_assignment(module1, lead1, title=f"A{i}")
        attempt = services.submit_attempt(assignment=item, participant=alice, text="x", uploads=[detected()],
                                          actor=alice.user)
        services.decide(attempt=attempt, decision=states.REVISION_ASKED, feedback="more", actor=lead1)
        services.submit_attempt(assignment=item, participant=alice, text="y", actor=alice.user)
        services.save_material(module=module1, actor=lead1, title=f"M{i}", body="b", published=True, week=i)
        services.save_entry(participant=alice, actor=alice.user, title=f"E{i}", body="b", shared_with=module1)
    signed_in(client, alice.user)
    _count(client, "/me/coursework/", django_assert_num_queries, PARTICIPANT_QUERIES["home"])
    _count(client, f"/me/coursework/modules/{module1.pk}/", django_assert_num_queries, PARTICIPANT_QUERIES["module"])
    _count(client, "/me/coursework/journal/", django_assert_num_queries, PARTICIPANT_QUERIES["journal"])
    _count(client, f"/me/coursework/assignments/{item.pk}/", django_assert_num_queries,
           PARTICIPANT_QUERIES["assignment"])
    assert AttemptFile.objects.count() == count


def test_times_are_shown_in_the_module_zone(client, assignment, alice, lead1):
    from datetime import UTC, datetime

    module = assignment.module
    module.timezone = "Europe/Helsinki"
    module.save()
    assignment.due_at = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)
    assignment.save()
    services.submit_attempt(assignment=assignment, participant=alice, text="x", actor=alice.user,
                            now=datetime(2027, 2, 1, 8, 30, tzinfo=UTC))
    page = signed_in(client, alice.user).get(f"/me/coursework/assignments/{assignment.pk}/").content.decode()
    assert "Monday 1 March 2027, 17:00" in page and "Europe/Helsinki" in page
    assert "1 Feb 2027, 10:30" in page
    staff = signed_in(client, lead1).get(f"/staff/coursework/assignments/{assignment.pk}/").content.decode()
    assert "1 Mar 2027, 17:00" in staff and "1 Feb 2027, 10:30" in staff


@pytest.mark.parametrize("count", [0, 1, 4])
def test_the_home_block_adds_two_queries_at_most(client, module1, lead1, alice, count, django_assert_num_queries,
                                                 monkeypatch):
    """On /me/ the door costs 4 queries without blocks on a warm request (session, user, participation with the
    participant sections' "in a coaching group?", the content version: programme and footer pages are kept per
    version since the first request); the open-assignments block adds its
    assignments and the participant's attempts (one when there is no assignment), whatever their number."""
    from campus.core.plugins import participant as area
    from campus.coursework.plugin import open_assignments_block

    monkeypatch.setattr(area, "_blocks", [open_assignments_block])
    for i in range(count):
        item = make_assignment(module1, lead1, title=f"A{i}")
        services.submit_attempt(assignment=item, participant=alice, text="x", actor=alice.user)
    signed_in(client, alice.user).get("/me/")
    with django_assert_num_queries(4 + (2 if count else 1)):
        assert client.get("/me/").status_code == 200
