"""50 applicants press "Submit" at the same moment against a live server (threads, real HTTP):
every application is stored once, every receipt is sent once, no 500, no "database is locked"."""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.request

import pytest
from django.core import mail
from django.test import Client

from campus.applications import services
from campus.applications.models import Application, Call
from campus.core.files import validate_document

from .conftest import GOOD_ANSWERS, cv_upload

APPLICANTS = 50


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def complete_draft(call, user):
    application = services.start_application(call=call, applicant=user)
    answers = {**GOOD_ANSWERS["about"], **GOOD_ANSWERS["cluster"], **GOOD_ANSWERS["motivation"], **GOOD_ANSWERS["availability"]}
    answers["cluster_members"], answers["years_as_manager"] = 140, 4
    answers["email"] = user.email
    services.save_answers(application=application, step="about", values=answers, actor=user)
    upload = cv_upload()
    services.save_document(application=application, kind="cv", detected=validate_document(upload), content=upload, actor=user)
    services.record_consent(application=application, version=call.privacy_version, actor=user)


def browser_session(base_url, user):
    """A logged-in session cookie and the CSRF token of the review page, as a browser would hold them."""
    client = Client()
    client.force_login(user)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    session = client.cookies["sessionid"].value
    page = opener.open(urllib.request.Request(base_url + "/apply/review/", headers={"Cookie": f"sessionid={session}"}))
    html = page.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    csrf_cookie = next(c.value for c in jar if c.name == "csrftoken")
    return {"Cookie": f"sessionid={session}; csrftoken={csrf_cookie}", "token": token}


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_submissions(live_server, seeded, django_user_model, run_tasks):
    from datetime import timedelta

    from django.utils import timezone

    call = Call.objects.get(edition=seeded)
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=1)
    call.save()
    users = [django_user_model.objects.create_user(email=f"applicant{i}@example.org", password="x-long-password-1") for i in range(APPLICANTS)]
    for user in users:
        complete_draft(call, user)
    sessions = [browser_session(live_server.url, user) for user in users]

    barrier = threading.Barrier(APPLICANTS * 2)
    results = []
    lock = threading.Lock()

    def press_submit(session):
        request = urllib.request.Request(
            live_server.url + "/apply/submit/",
            data=f"csrfmiddlewaretoken={session['token']}".encode(),
            headers={"Cookie": session["Cookie"], "Referer": live_server.url + "/apply/review/",
                     "Content-Type": "application/x-www-form-urlencoded"},
            method="POST",
        )
        opener = urllib.request.build_opener(NoRedirect)
        barrier.wait(timeout=60)
        try:
            response = opener.open(request, timeout=60)
            status, body = response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode(errors="replace")
        with lock:
            results.append((status, body))

    # every applicant double-clicks: two requests each, all at the same moment
    threads = [threading.Thread(target=press_submit, args=(s,)) for s in sessions for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    statuses = sorted({status for status, _ in results})
    assert len(results) == APPLICANTS * 2
    assert statuses == [302], [body[:500] for status, body in results if status != 302][:3]
    assert not any("database is locked" in body for _, body in results)
    assert Application.objects.count() == APPLICANTS
    assert Application.objects.filter(state="submitted").count() == APPLICANTS

    ran = run_tasks(limit=1000)
    assert ran >= APPLICANTS
    receipts = [m for m in mail.outbox if m.subject.startswith("We received your application")]
    assert len(receipts) == APPLICANTS
    assert len({m.to[0] for m in receipts}) == APPLICANTS
