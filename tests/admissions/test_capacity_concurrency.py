"""Quality bars of the capacity under concurrency, against a live server (threads, real HTTP), on SQLite
(file database, IMMEDIATE transactions) and PostgreSQL (select_for_update on the call):

- two managers press "Release" at the same moment (each twice): one release happens, never more live
  offers than places;
- thirty admitted people answer at the same moment (accept, decline, or try without an offer; each
  double-clicks): live offers never exceed the capacity, every freed place promotes exactly one person
  from the waitlist, each person gets at most one offer and one participant record.
"""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.request

import pytest
from django.test import Client

from campus.admissions import services
from campus.admissions.models import Decision, Offer
from campus.cohort.models import Participant
from campus.communications.models import OutboxMessage
from campus.team.models import TeamMembership

from .conftest import bulk_applications


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session_for(base_url, user, page):
    """A signed-in session and the CSRF token of ``page``, as a browser holds them."""
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    try:
        html = opener.open(urllib.request.Request(base_url + page, headers={"Cookie": f"sessionid={session}"})).read().decode()
    except urllib.error.HTTPError:  # no offer: the page is a 404; take a token from another form
        html = opener.open(urllib.request.Request(base_url + "/apply/withdraw/",
                                                  headers={"Cookie": f"sessionid={session}"})).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    csrf_cookie = next((c.value for c in jar if c.name == "csrftoken"), "")
    return {"Cookie": f"sessionid={session}; csrftoken={csrf_cookie}", "token": token.group(1) if token else ""}


def all_at_once(base_url, jobs):
    """POST every (session, path) at the same moment; returns [(status, body)]."""
    barrier = threading.Barrier(len(jobs))
    results, lock = [], threading.Lock()

    def post(session, path):
        request = urllib.request.Request(
            base_url + path, data=f"csrfmiddlewaretoken={session['token']}".encode(),
            headers={"Cookie": session["Cookie"], "Referer": base_url + path,
                     "Content-Type": "application/x-www-form-urlencoded"}, method="POST",
        )
        opener = urllib.request.build_opener(NoRedirect)
        barrier.wait(timeout=60)
        try:
            response = opener.open(request, timeout=120)
            status, body = response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode(errors="replace")
        with lock:
            results.append((status, body))

    threads = [threading.Thread(target=post, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert len(results) == len(jobs)
    assert not any(status >= 500 for status, _ in results), [b[:300] for s, b in results if s >= 500][:2]
    assert not any("database is locked" in body for _, body in results)
    return results


def live_offers(call):
    return Offer.objects.filter(application__call=call, state__in=["open", "accepted"]).count()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_managers_release_and_thirty_people_answer_at_once(live_server, seeded, django_user_model, mail_templates):
    from campus.applications.models import Call

    call = Call.objects.get(edition=seeded)
    capacity = seeded.capacity
    assert capacity == 20
    managers = []
    for i in range(2):
        user = django_user_model.objects.create_user(email=f"manager{i}@example.org", password="x-long-pass-1",
                                                     is_staff=True)
        TeamMembership.objects.create(edition=seeded, user=user, role="manager")
        managers.append(user)
    admits = bulk_applications(call, 30, prefix="admit")
    waiting = bulk_applications(call, 15, prefix="wait")
    services.stage_decisions(call=call, actor=managers[0],
                             decisions={**{a.pk: ("admit", None) for a in admits},
                                        **{a.pk: ("waitlist", None) for a in waiting}})

    # two managers release at once, each double-clicking
    release = f"/staff/admissions/{call.pk}/release/"
    sessions = [session_for(live_server.url, m, release) for m in managers]
    results = all_at_once(live_server.url, [(s, release) for s in sessions for _ in range(2)])
    assert {status for status, _ in results} == {302}
    assert Offer.objects.filter(state="open").count() == capacity
    assert Decision.objects.filter(released_at__isnull=True).count() == 0
    assert Decision.objects.filter(outcome="waitlist").count() == 25  # 10 admits beyond capacity + 15
    assert OutboxMessage.objects.filter(event__in=["offer", "waitlisted"]).count() == 45

    # thirty admitted people answer at once, each double-clicking: 10 accept, 10 decline, 10 have no offer
    with_offer = [a for a in admits if Offer.objects.filter(application=a).exists()]
    without = [a for a in admits if a not in with_offer]
    assert len(with_offer) == 20 and len(without) == 10
    jobs = []
    for index, application in enumerate(with_offer):
        path = "/apply/offer/accept/" if index % 2 == 0 else "/apply/offer/decline/"
        session = session_for(live_server.url, application.applicant, path)
        jobs += [(session, path), (session, path)]
    for application in without:
        session = session_for(live_server.url, application.applicant, "/apply/offer/accept/")
        jobs += [(session, "/apply/offer/accept/")] * 2
    results = all_at_once(live_server.url, jobs)
    assert sorted({status for status, _ in results}) == [302, 404]

    assert live_offers(call) <= capacity
    declined = Offer.objects.filter(state="declined")
    assert declined.count() == 10
    promoted = Offer.objects.filter(via="promotion")
    # every freed place promoted exactly one person, the next ones on the waitlist, once each
    assert promoted.count() == 10
    assert set(promoted.values_list("replaces", flat=True)) == set(declined.values_list("pk", flat=True))
    assert len(set(promoted.values_list("application", flat=True))) == 10
    first_waiting = list(Decision.objects.filter(outcome="waitlist").order_by("waitlist_rank")
                         .values_list("application_id", flat=True)[:10])
    assert set(promoted.values_list("application", flat=True)) == set(first_waiting)
    assert live_offers(call) == capacity
    # the promoted are the ten admits beyond the capacity (top of the waitlist); some of them accepted in the
    # same moment already (their click arrived after the promotion): each acceptance made one participant
    assert Participant.objects.count() == Offer.objects.filter(state="accepted").count() >= 10
    assert OutboxMessage.objects.filter(event="promoted").count() == 10

    # everyone with an open offer accepts at once (double clicks): 20 participants, never more
    jobs = []
    for offer in Offer.objects.filter(state="open").select_related("application__applicant"):
        session = session_for(live_server.url, offer.application.applicant, "/apply/offer/accept/")
        jobs += [(session, "/apply/offer/accept/")] * 2
    all_at_once(live_server.url, jobs)
    assert Participant.objects.count() == capacity
    assert Offer.objects.filter(state="accepted").count() == capacity
    assert live_offers(call) == capacity


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_declines_and_expiry_at_once_promote_each_place_once(seeded, django_user_model, mail_templates):
    """Service level, threads: declines and the clock (expiry) racing for the same waitlist."""
    from datetime import timedelta

    from django.db import connection
    from django.utils import timezone

    from campus.applications.models import Call

    call = Call.objects.get(edition=seeded)
    seeded.capacity = 6
    seeded.save(update_fields=["capacity"])
    admits = bulk_applications(call, 6, prefix="admit")
    waiting = bulk_applications(call, 10, prefix="wait")
    services.stage_decisions(call=call, actor=None, decisions={**{a.pk: ("admit", None) for a in admits},
                                                               **{a.pk: ("waitlist", None) for a in waiting}})
    services.release(call=call)
    offers = list(Offer.objects.order_by("pk"))
    # three offers are past their reply-by moment; three are declined at the same time as the clock runs
    for offer in offers[:3]:
        Offer.objects.filter(pk=offer.pk).update(reply_by=timezone.now() - timedelta(minutes=1))
    barrier = threading.Barrier(3 + 3 + 2)
    errors = []

    def run(func):
        try:
            barrier.wait(timeout=30)
            func()
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    jobs = [lambda o=o: services.decline_offer(offer=o, actor=o.application.applicant) for o in offers[3:]]
    jobs += [lambda o=o: services.decline_offer(offer=o, actor=o.application.applicant) for o in offers[3:]]
    jobs += [lambda: services.tick(), lambda: services.tick()]
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not [e for e in errors if not isinstance(e, services.AdmissionError)], errors
    assert Offer.objects.filter(state="expired").count() == 3
    assert Offer.objects.filter(state="declined").count() == 3
    promoted = Offer.objects.filter(via="promotion")
    assert promoted.count() == 6
    assert len(set(promoted.values_list("application", flat=True))) == 6
    assert len(set(promoted.values_list("replaces", flat=True))) == 6
    assert live_offers(call) == 6
