"""Two applicants (one of them in two tabs) press "Book" on the same slot at the same moment, against a live
server (threads, real HTTP): exactly one booking; the other applicant is told the slot was just taken;
no 500, no "database is locked". Runs on SQLite and on PostgreSQL (DATABASE_URL)."""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

import pytest
from django.test import Client

from campus.communications.models import OutboxMessage
from campus.interviews import services
from campus.interviews.models import InterviewSlot
from campus.team.models import TeamMembership
from tests.applications.staff_factories import make_application

from .conftest import future, make_person

ROUNDS = 4


def _cookie(name, value, host):
    return http.cookiejar.Cookie(
        version=0, name=name, value=value, port=None, port_specified=False, domain=host, domain_specified=False,
        domain_initial_dot=False, path="/", path_specified=True, secure=False, expires=None, discard=True,
        comment=None, comment_url=None, rest={}, rfc2109=False,
    )


class Tab:
    """A browser tab: its own cookie jar (the session of the person), following redirects like a browser."""

    def __init__(self, base_url, session_key):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        host = urllib.parse.urlsplit(base_url).hostname
        host = host if "." in host else host + ".local"  # how the cookie jar names a dotless host
        self.jar.set_cookie(_cookie("sessionid", session_key, host))
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        html = self.opener.open(base_url + "/apply/status/", timeout=60).read().decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def book(self, slot_id):
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": self.token, "slot": slot_id}).encode()
        request = urllib.request.Request(self.base_url + "/apply/interview/book/", data=data,
                                         headers={"Referer": self.base_url + "/apply/status/"}, method="POST")
        try:
            response = self.opener.open(request, timeout=60)
            return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")


@pytest.mark.django_db(transaction=True)
def test_one_slot_two_applicants_three_clicks(live_server, seeded):
    from tests.applications.conftest import Call
    from django.utils import timezone

    call = Call.objects.get(edition=seeded)
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=10), timezone.now() + timedelta(days=20)
    call.save()
    manager = make_person("mia.manager@example.org", TeamMembership.Role.MANAGER, edition=seeded)
    first = make_application(call, email="aino@example.fi")
    second = make_application(call, email="jonas@example.lt")
    services.invite(applications=[first, second], actor=manager)
    slots = []
    for day in range(ROUNDS):
        start = future(days=3 + day)
        slots.append(services.create_slot(call=call, starts_at=start, ends_at=start + timedelta(minutes=30),
                                          timezone_name="Europe/Riga", place="Riga", actor=manager))

    def session_of(user):
        client = Client()
        client.force_login(user)
        return client.cookies["sessionid"].value

    sessions = {first.pk: session_of(first.applicant), second.pk: session_of(second.applicant)}
    for slot in slots:
        # each round: the first applicant in two tabs, the second in one, all at the same moment
        tabs = [(owner, Tab(live_server.url, sessions[owner])) for owner in (first.pk, first.pk, second.pk)]
        barrier = threading.Barrier(len(tabs))
        results = []
        lock = threading.Lock()

        def press(owner, tab):
            barrier.wait(timeout=60)
            status, body = tab.book(slot.pk)
            with lock:
                results.append((owner, status, body))

        threads = [threading.Thread(target=press, args=pair) for pair in tabs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

        assert len(results) == 3
        assert all(status == 200 for _, status, _ in results), [(s, b[:300]) for _, s, b in results if s != 200]
        assert not any("database is locked" in body for _, _, body in results)
        slot.refresh_from_db()
        winner = slot.booked_by_id
        assert winner in (first.pk, second.pk), [re.findall(r"alert[^>]*><p>([^<]*)", b) for _, _, b in results]
        for owner, _, body in results:
            if owner == winner:
                assert "Your interview is booked" in body
            else:
                assert "That slot was just taken, choose another." in body
        # one applicant, one slot: a move frees the old one
        assert InterviewSlot.objects.filter(booked_by__isnull=False).count() <= 2
        assert InterviewSlot.objects.filter(booked_by=first).count() <= 1
    # one confirmation per booking that happened (the second tab of a winner booked nothing new)
    booked = OutboxMessage.objects.filter(event="interview_booked").count()
    moves = OutboxMessage.objects.filter(event="interview_booked", recipient=first.applicant).count()
    assert booked >= ROUNDS and moves <= ROUNDS
