"""A visitor finds their way like a person: by clicking links and using the keyboard."""

import re

from playwright.sync_api import expect


def test_from_home_to_module_3(web):
    web.goto("/")
    web.page.get_by_role("navigation", name="Main").get_by_role("link", name="Modules").click()
    expect(web.page).to_have_url(re.compile(r"/modules/$"))
    expect(web.page.get_by_role("heading", level=1)).to_have_text(re.compile("Modules"))

    web.page.get_by_role("main").get_by_role("link", name=re.compile(r"^Module 3\b")).first.click()
    expect(web.page).to_have_url(re.compile(r"/modules/3/$"))
    expect(web.page.get_by_role("heading", level=1)).to_have_text("Digitalization in Business")
    main = web.page.get_by_role("main")
    expect(main).to_contain_text("Kaunas")
    expect(main).to_contain_text("15 March – 21 May 2021")
    web.check_same_origin()


def test_module_pager_leads_on_to_module_4(web):
    web.goto("/modules/3/")
    web.page.get_by_role("navigation", name="Other modules").get_by_role("link", name=re.compile("Module 4")).click()
    expect(web.page).to_have_url(re.compile(r"/modules/4/$"))
    expect(web.page.get_by_role("main")).to_contain_text("Wildau")


def test_first_tab_reaches_skip_link_which_moves_focus_to_main(web):
    web.goto("/modules/")
    web.page.keyboard.press("Tab")
    focused = web.page.evaluate("() => ({text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href')})")
    assert focused["text"] == "Skip to content", f"first Tab focused {focused!r}"
    skip = web.page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_visible()  # visible when focused, so a sighted keyboard user sees it
    web.page.keyboard.press("Enter")
    assert web.page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab continues inside main, not back at the top of the page.
    web.page.keyboard.press("Tab")
    assert web.page.evaluate("() => document.activeElement.closest('main') !== null"), "Tab after the skip link left main"
