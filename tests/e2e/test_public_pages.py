"""Every public page: answers 200, passes axe (WCAG 2.1 A/AA) at desktop and phone width, loads nothing
from another origin, nothing is blocked by the CSP, and at 375 px nothing scrolls sideways."""

import pytest

from .conftest import NARROW

PUBLIC_PAGES = [
    "/",
    "/modules/",
    "/modules/1/",
    "/modules/2/",
    "/modules/3/",
    "/modules/4/",
    "/schedule/",
    "/admission/",
    "/convince-your-boss/",
    "/about/",
    "/contact/",
    "/contact/thanks/",
    "/privacy/",
    "/background/",
    "/participant-booklet/",
    "/forum/",  # the seed's page /forum-2022/ gives way to the event's page
    "/forum/forum-2022/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_desktop(web, path):
    web.goto(path)
    web.check_clean_load()
    web.check_axe(label="(desktop, 1280 px)")
    web.check_same_origin()


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_phone(web, path):
    web.set_width(NARROW["width"], NARROW["height"])
    web.goto(path)
    web.check_clean_load()
    web.check_narrow()
    web.check_axe(label=f"(phone, {NARROW['width']} px)")
    web.check_same_origin()


def test_unknown_page_is_404_and_accessible(web):
    web.goto("/no-such-page/", status=404)
    web.check_axe(label="(404 page)")
    web.check_same_origin()
