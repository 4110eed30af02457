"""A route to apply: while a call is open, every "apply" promise of the public pages leads to the application,
with the deadline in the call's zone; while none is, to the sign-up for news, saying when the next call is
expected. Cached pages follow the call: saving it bumps the content version, and a page is not kept past the
moment the call opens or closes."""

import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

from campus.applications import services
from campus.applications.models import Call
from campus.core.cache import _timeout

SIGN_UP = "/news/training/"  # the news app: the application while a call is open, else the news sign-up


def main_of(client, path) -> str:
    html = client.get(path).content.decode()
    return html[html.index("<main"):html.index("</main>")]  # the header's navigation is not a promise


def hrefs(html, text) -> list[str]:
    return re.findall(rf'<a class="button[^"]*" href="([^"]+)">{re.escape(text)}</a>', html)


def set_call(call, *, opens, closes):
    call.opens_at, call.closes_at = timezone.now() + opens, timezone.now() + closes
    services.save_call(call=call, actor=None)


@pytest.fixture
def call(seeded):
    return Call.objects.get(edition=seeded)


@pytest.fixture(autouse=True)
def empty_page_cache():
    caches["pages"].clear()


@pytest.mark.django_db
def test_while_a_call_is_open_every_apply_promise_leads_to_the_application(client, call):
    set_call(call, opens=timedelta(days=-1), closes=timedelta(days=20))
    home = main_of(client, "/")
    assert hrefs(home, "Apply now") == ["/apply/", "/apply/"]  # the hero's main button and the closing band
    assert SIGN_UP not in home
    admission = main_of(client, "/admission/")
    assert hrefs(admission, "Start your application") == ["/apply/"]
    assert hrefs(admission, "Apply now") == ["/apply/"]
    closes = timezone.localtime(call.closes_at, call.zone)
    shown = f'{closes:%-d %B %Y, %H:%M} {closes.tzname()}'
    assert f'data-zone="Europe/Stockholm">{shown}</time><span class="call-zone"> (Europe/Stockholm time)</span>.' in admission
    assert "local-time.js" in client.get("/admission/").content.decode()


@pytest.mark.django_db
def test_while_no_call_is_open_the_promises_lead_to_the_sign_up(client, call):
    programme = call.edition.programme
    programme.next_call_expected = "in spring 2027"
    programme.save()
    for path in ("/", "/admission/"):
        page = main_of(client, path)
        assert "/apply/" not in page, path
        assert hrefs(page, "Tell me when applications open")[0] == SIGN_UP.replace("&", "&amp;")
        assert "The next call is expected in spring 2027." in page
    set_call(call, opens=timedelta(days=3), closes=timedelta(days=30))  # announced, not open yet
    opens = timezone.localtime(call.opens_at, call.zone)
    assert f"Applications open on {opens:%-d %B %Y}" in main_of(client, "/")
    assert "/apply/" not in main_of(client, "/")


@pytest.mark.django_db
def test_opening_and_closing_the_call_changes_the_cached_pages(client, call):
    assert "/apply/" not in main_of(client, "/")  # cached now (anonymous)
    set_call(call, opens=timedelta(days=-1), closes=timedelta(days=20))
    assert hrefs(main_of(client, "/"), "Apply now")
    set_call(call, opens=timedelta(days=-10), closes=timedelta(minutes=-1))  # closed by staff
    assert "/apply/" not in main_of(client, "/")


@pytest.mark.django_db
def test_a_page_is_not_cached_past_the_deadline(client, call, settings):
    settings.CAMPUS_PAGE_CACHE_SECONDS = 300
    set_call(call, opens=timedelta(days=-1), closes=timedelta(seconds=90))
    response = client.get("/")
    assert response.cache_until == call.closes_at
    assert 0 < _timeout(response) <= 90
    response.cache_until = timezone.now() - timedelta(seconds=1)
    assert _timeout(response) == 0  # not stored at all


@pytest.mark.django_db
def test_the_closing_band_names_no_year_that_will_be_past(client, seeded):
    band = main_of(client, "/")
    band = band[band.index('id="cta-title"'):]
    assert "2020 and beyond" not in band and "in the years ahead" in band
