"""The kept booklet PDF (campus.booklet.document): made by a background task, kept while its fingerprint holds,
made again after a change; the download pages ("being prepared", then the PDF), the staff's "make it again",
and a withdrawn consent leaving the next PDF."""

import io
import re

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from campus.booklet import document, services
from campus.booklet.models import ConsentLevel
from tests.booklet.conftest import make_profile
from tests.cohort.conftest import make_participant


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def anna(edition):
    return make_profile(edition, "anna@example.org", level=ConsentLevel.PUBLIC, given="Anna", family="Holm")


@pytest.fixture
def juha(edition):
    return make_profile(edition, "juha@example.org", level=ConsentLevel.PUBLIC, given="Juha", family="Laine",
                        country="SE")


def test_same_fingerprint_no_rebuild_a_change_rebuilds(edition, anna, juha):
    assert document.make(edition, "public") is True
    kept = document.kept(edition, "public")
    assert kept.current and kept.people == 2
    first = kept.path.read_bytes()
    assert document.make(edition, "public") is False  # nothing changed: nothing made
    assert document.kept(edition, "public").path.read_bytes() == first

    services.save_profile(profile=juha, data={"organisation": "Another organisation"}, actor=None, by_staff=True)
    assert document.current_file(edition, "public") is None
    assert document.make(edition, "public") is True
    assert "Another organisation" in pdf_text(document.kept(edition, "public").path.read_bytes())


@pytest.mark.parametrize("change", ["edition", "module", "introduction", "consent"])
def test_fingerprint_follows_what_the_booklet_shows(edition, anna, change):
    from campus.programme.models import Module

    before = document.fingerprint(edition, "public")
    if change == "edition":
        edition.name = "2020–2022"
        edition.save()
    elif change == "module":
        module = Module.objects.filter(edition=edition).first()
        module.title = "A new title"
        module.save()
    elif change == "introduction":
        services.save_settings(edition=edition, introduction="{participants} people.", published=True, actor=None)
    else:
        services.record_consent(profile=anna, level=ConsentLevel.PARTICIPANTS, actor=None)
    assert document.fingerprint(edition, "public") != before


def test_audiences_are_kept_apart(edition, anna):
    make_profile(edition, "ilze@example.org", level=ConsentLevel.PARTICIPANTS, given="Ilze", family="Ozols")
    document.make(edition, "public")
    document.make(edition, "participants")
    assert "Ilze Ozols" not in pdf_text(document.current_file(edition, "public").read_bytes())
    assert "Ilze Ozols" in pdf_text(document.current_file(edition, "participants").read_bytes())


def test_withdrawn_consent_leaves_the_next_pdf(edition, anna, juha, client, run_tasks,
                                               django_capture_on_commit_callbacks):
    """Withdrawn through the service; the kept PDF is removed once the change is committed."""
    url = reverse("booklet:pdf", args=[edition.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    run_tasks()
    assert "Anna Holm" in pdf_text(body(client.get(url)))

    with django_capture_on_commit_callbacks(execute=True):
        services.record_consent(profile=anna, level=ConsentLevel.NOBODY, actor=anna.participant.user)
    assert not (document.folder() / f"edition-{edition.pk}-public.pdf").exists()
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(url)
    assert waiting.status_code == 200 and b"being prepared" in waiting.content
    run_tasks()
    text = pdf_text(body(client.get(url)))
    assert "Juha Laine" in text and "Anna Holm" not in text


def test_download_being_prepared_then_the_pdf(edition, anna, client, run_tasks, django_capture_on_commit_callbacks):
    url = reverse("booklet:pdf", args=[edition.slug])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"].startswith("text/html")
    assert b"The booklet PDF is being prepared" in first.content
    assert "no-cache" in first["Cache-Control"] or "max-age=0" in first["Cache-Control"]
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)  # a second visitor while it is being made queues nothing more
    assert DBTaskResult.objects.filter(task_path__endswith="make_booklet").count() == 1
    assert run_tasks() == 1
    ready = client.get(url)
    assert ready.status_code == 200 and ready["Content-Type"] == "application/pdf"
    assert "attachment" in ready["Content-Disposition"]
    assert "Anna Holm" in pdf_text(body(ready))
    assert run_tasks() == 0


def test_a_retried_task_makes_nothing_twice(edition, anna):
    from campus.booklet import tasks

    assert tasks.make_booklet.call(edition.pk, "public") is True
    assert tasks.make_booklet.call(edition.pk, "public") is False
    assert tasks.make_booklet.call(edition.pk, "public", True) is True  # forced


def test_hidden_booklet_has_no_pdf(edition, anna, client):
    services.save_settings(edition=edition, introduction="", published=False, actor=None)
    assert client.get(reverse("booklet:pdf", args=[edition.slug])).status_code == 404


def test_cohort_pdf_for_participants_of_the_edition_only(edition, anna, client, other_edition, run_tasks,
                                                        django_capture_on_commit_callbacks):
    make_profile(edition, "ilze@example.org", level=ConsentLevel.PARTICIPANTS, given="Ilze", family="Ozols")
    url = reverse("booklet_me:cohort_pdf")
    assert client.get(url).status_code == 302  # sign in first
    outsider = make_participant(other_edition, "out@example.org")
    client.force_login(outsider.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    run_tasks()
    assert "Ilze Ozols" not in pdf_text(body(client.get(url)))  # their own edition's booklet, not this one
    client.force_login(anna.participant.user)
    with django_capture_on_commit_callbacks(execute=True):
        assert b"being prepared" in client.get(url).content
    run_tasks()
    text = pdf_text(body(client.get(url)))
    assert "Ilze Ozols" in text and "Anna Holm" in text


def test_staff_force_a_rebuild(edition, anna, manager_client, run_tasks, django_capture_on_commit_callbacks):
    url = reverse("staff_booklet:pdf", args=[edition.pk])
    page = manager_client.get(url)
    assert page.status_code == 200 and b"none yet" in page.content
    document.make(edition, "public")
    made_at = document.kept(edition, "public").made_at
    assert b"up to date" in manager_client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(url, {"audience": "public"})
    assert response.status_code == 302
    assert run_tasks() == 1
    assert document.kept(edition, "public").made_at != made_at  # made again although nothing changed
    download = manager_client.get(reverse("staff_booklet:pdf_download", args=[edition.pk, "public"]))
    assert download["Content-Type"] == "application/pdf"
    assert manager_client.post(url, {"audience": "everyone"}).status_code == 404
    # not for participants or visitors
    from django.test import Client

    other = Client()
    assert other.post(url, {"audience": "public"}).status_code == 302  # to sign in
    other.force_login(anna.participant.user)
    assert other.post(url, {"audience": "public"}).status_code == 404
    assert other.get(reverse("staff_booklet:pdf_download", args=[edition.pk, "public"])).status_code == 404
    assert DBTaskResult.objects.filter(task_path__endswith="make_booklet").exclude(status="SUCCESSFUL").count() == 0


def test_kept_pdf_with_a_stale_fingerprint_is_not_served(edition, anna, client):
    """A change the receivers do not see (the edition's name) is caught by the fingerprint: the old file goes."""
    document.make(edition, "public")
    edition.name = "2020–2022"
    edition.save()
    assert document.current_file(edition, "public") is None
    assert not (document.folder() / f"edition-{edition.pk}-public.pdf").exists()
    assert b"being prepared" in client.get(reverse("booklet:pdf", args=[edition.slug])).content


def test_erasure_removes_the_kept_pdfs(edition, anna, juha, django_capture_on_commit_callbacks):
    document.make(edition, "public")
    document.make(edition, "participants")
    with django_capture_on_commit_callbacks(execute=True):
        services.erase_profile(profile=anna)
    assert list(document.folder().glob(f"edition-{edition.pk}-*")) == []
