"""The header on phones and for the keyboard (issue 11): one row and a menu button at 375 px, a menu and an account
menu that open and close by keyboard, sign-out by POST, a step's first field on the first screen, and keyboard
focus never hidden under the sticky header."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import NARROW
from tests.security.world import build_world

pytestmark = pytest.mark.slow


def test_at_375_px_the_header_is_one_row_with_a_menu_button_that_works_by_keyboard(web):
    web.set_width(NARROW["width"], 812)
    web.goto("/")
    page = web.page
    header = page.locator("header.site-header")
    assert header.bounding_box()["height"] <= 80, "the header takes more than one row"
    nav = page.get_by_role("navigation", name="Main")
    button = page.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="Modules")).to_be_hidden()
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Modules")).to_be_visible()
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Modules")).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    web.check_page("home with the menu", narrow=True)


def test_without_javascript_every_link_of_the_menu_is_shown(browser, site):
    context = browser.new_context(viewport={"width": NARROW["width"], "height": 812}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "/")
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()
        expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Contact")).to_be_visible()
    finally:
        context.close()


def test_the_account_menu_opens_by_keyboard_and_signs_out_by_post(web):
    world = build_world()
    web.sign_in_as(world.user("applicant"))
    page = web.page
    for width in (1280, NARROW["width"]):
        web.set_width(width, 812)
        web.goto("/modules/")
        web.check_page(f"signed in at {width}", narrow=width < 400)
        web.goto("/modules/")
        toggle = page.locator("summary.account-menu__toggle")
        expect(toggle).to_contain_text(world.user("applicant").get_full_name())
        toggle.focus()
        page.keyboard.press("Enter")
        expect(page.get_by_role("link", name="My application")).to_be_visible()
        expect(page.get_by_role("link", name="My data")).to_be_visible()
        web.check_axe(label=f"account menu open at {width}")
        page.keyboard.press("Escape")
        expect(page.get_by_role("link", name="My application")).to_be_hidden()
        expect(toggle).to_be_focused()
    toggle.focus()
    page.keyboard.press("Enter")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    expect(page.locator("summary.account-menu__toggle")).to_have_count(0)


def test_the_first_field_of_a_step_is_on_the_first_screen_of_a_phone(web):
    world = build_world()
    web.sign_in_as(world.user("other"))  # a draft
    web.set_width(NARROW["width"], 812)
    web.goto("/apply/step/about/")
    field = web.page.locator("main form input:not([type=hidden]), main form textarea, main form select").first
    assert field.bounding_box()["y"] < 812 / 2, "the first field starts below the first half of the screen"
    web.check_page("a step at 375 px", narrow=True)


@pytest.mark.parametrize("path", ["/contact/", "/staff/applications/", "/staff/outbox/"])
def test_shift_tab_never_leaves_focus_under_the_sticky_header(web, path):
    world = build_world()
    web.sign_in_as(world.user("superuser"))
    web.set_width(1280, 700)
    web.goto(path)
    page = web.page
    header = page.locator("header.site-header").bounding_box()["height"]
    targets = page.locator("main a[href], main input:not([type=hidden]), main button, main select, main textarea")
    assert targets.count() > 3
    # Each focusable element in turn: scroll so that it sits just under the header's bottom edge would cover it,
    # then reach it with Shift+Tab from the next one, as a keyboard user going back up the page does.
    checked = 0
    for i in range(1, min(targets.count(), 25)):
        target, after = targets.nth(i - 1), targets.nth(i)
        if not target.is_visible() or not after.is_visible():
            continue
        after.focus()
        page.evaluate("([el, h]) => window.scrollBy(0, el.getBoundingClientRect().top - h / 2)",
                      [target.element_handle(), header])
        page.keyboard.press("Shift+Tab")
        focused_top = page.evaluate("() => document.activeElement.getBoundingClientRect().top")
        if page.evaluate("() => document.documentElement.scrollHeight > innerHeight + 10"):
            assert focused_top >= header - 1, f"focus at {focused_top:.0f} px, under the {header:.0f} px header ({path})"
        checked += 1
    assert checked > 3
