"""The apply route from the home page, in the browser: with a call open, the home page's main button leads to the
application, and the deadline is shown in the call's zone and, when it differs, in the visitor's own; with none
open, it leads to the sign-up for news and says when the next call is expected. Axe-clean at 1280 and 375 px."""

import zoneinfo
from datetime import timedelta

import pytest
from django.utils import timezone

from .conftest import NARROW


def _set_call(*, open_: bool):
    from campus.applications import services
    from campus.applications.models import Call

    call = Call.objects.get()
    now = timezone.now()
    call.opens_at, call.closes_at = (now - timedelta(days=1), now + timedelta(days=20)) if open_ else (
        now - timedelta(days=60), now - timedelta(days=30))
    services.save_call(call=call, actor=None)
    programme = call.edition.programme
    programme.next_call_expected = "in spring 2027"
    programme.save()
    return call


def _check_both_widths(web, path, label):
    web.set_width(1280, 900)
    web.goto(path)
    web.check_page(f"{label}-1280")
    web.set_width(NARROW["width"], NARROW["height"])
    web.goto(path)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def test_the_apply_route_from_the_home_page_with_a_call_open(web):
    call = _set_call(open_=True)
    # a visitor in New York: the deadline in Stockholm time, and in theirs beside it
    web.context.new_cdp_session(web.page).send("Emulation.setTimezoneOverride", {"timezoneId": "America/New_York"})
    for path, label in (("/", "apply-open-home"), ("/admission/", "apply-open-admission")):
        _check_both_widths(web, path, label)
    web.goto("/")
    status = web.page.locator(".hero .call-status")
    closes = timezone.localtime(call.closes_at, call.zone)
    assert f"{closes:%-d %B %Y, %H:%M}" in status.inner_text()
    assert "(Europe/Stockholm time)" in status.inner_text()
    theirs = call.closes_at.astimezone(zoneinfo.ZoneInfo("America/New_York"))
    assert f"{theirs:%H:%M} your time (America/New York)" in status.locator(".local-time__yours").inner_text()
    assert "(Europe/Stockholm time), that is " in status.inner_text()
    # by keyboard: the hero's main button opens the application
    main_button = web.page.locator(".hero__actions a").first
    assert main_button.inner_text() == "Apply now"
    main_button.focus()
    web.page.keyboard.press("Enter")
    web.page.wait_for_url("**/apply/")
    assert "Applications are open" in web.page.locator("main").inner_text()
    web.check_page("apply-open-start")


def test_the_apply_route_from_the_home_page_with_no_call_open(web):
    _set_call(open_=False)
    for path, label in (("/", "apply-closed-home"), ("/admission/", "apply-closed-admission")):
        _check_both_widths(web, path, label)
    web.goto("/")
    hero = web.page.locator(".hero")
    assert "The next call is expected in spring 2027." in hero.inner_text()
    assert web.page.locator("main a[href^='/apply/']").count() == 0
    main_button = web.page.locator(".hero__actions a").first
    assert main_button.inner_text() == "Tell me when applications open"
    main_button.focus()
    web.page.keyboard.press("Enter")
    web.page.wait_for_url("**/news/?list=next-edition")  # the news app's sign-up, the next edition ticked
    assert web.page.get_by_label("The next edition", exact=False).is_checked()
