"""Assessment boards in Chromium: a card dragged to the next stage (Playwright's drag_to) and another moved by
keyboard (its button, Enter), both through the move view, the board updated in place and the move announced in
the live region; the criteria edited (a scored one removed after the confirmation); the card edit page keeps
what was typed when refused; the module lead reads the group's board on the staff overview. Every page passes
axe at 1280 and 375 px and loads nothing from another origin."""

import pytest
from playwright.sync_api import expect


@pytest.fixture
def people(site):
    from campus.coaching.models import CoachingGroup, CoachingRound, GroupMember
    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.radars.conftest import make_participant, make_user

    edition = Edition.objects.get(is_current=True)
    alice = make_participant(edition, "alice@example.org", "Alice Adams")
    bob = make_participant(edition, "bob@example.org", "Bob Brown")
    rnd = CoachingRound.objects.create(edition=edition, title="Round 1", proposal_key="r1")
    group = CoachingGroup.objects.create(round=rnd, number=1)
    for user in (alice, bob):
        GroupMember.objects.create(round=rnd, group=group, participant=user.participations.get())
    lead = make_user("lena.lead@example.org", "Lena Lead", is_staff=True)
    TeamMembership.objects.create(edition=edition, user=lead, role=TeamMembership.Role.MODULE_LEAD)
    return {"edition": edition, "alice": alice, "bob": bob, "group": group, "lead": lead}


@pytest.fixture
def board(people):
    from campus.assessment import services

    board = services.create_board(actor=people["alice"], edition=people["edition"], title="Energy board",
                                  owner_kind="group", group=people["group"])
    for title in ("Heat pumps", "Digital twins"):
        card = services.add_card(board=board, actor=people["alice"], title=title, trl=5)
        services.score(card=card, actor=people["bob"], values={c.pk: (3, "high") for c in board.criteria.all()})
    return board


def both_widths(web, label):
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def stage(page, name):
    return page.locator(f'[data-stage="{name}"]')


def test_drag_and_keyboard_moves_announced(web, people, board):
    from campus.assessment.models import Card

    page = web.page
    web.sign_in_as(people["alice"])
    web.goto(f"/me/boards/{board.pk}/")
    expect(page.get_by_text("or drag it onto the stage before or after it")).to_be_visible()
    both_widths(web, "assessment-board-dnd")

    web.set_width(1280, 1400)  # source and target in view: drag_to's scrolling between them would shift the drag
    card = stage(page, "candidates").locator('[data-card]', has_text="Heat pumps")
    card.drag_to(stage(page, "screening"))
    expect(page.locator("#board-status")).to_have_text("“Heat pumps” moved to Screening.")
    expect(stage(page, "screening").get_by_role("link", name="Heat pumps")).to_be_visible()
    assert Card.objects.get(title="Heat pumps").stage == "screening"

    button = page.get_by_role("button", name="Move “Digital twins” to Screening")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#board-status")).to_have_text("“Digital twins” moved to Screening.")
    assert Card.objects.get(title="Digital twins").stage == "screening"
    # the focus stays on the moved card's forward button: Enter again moves it on
    expect(page.get_by_role("button", name="Move “Digital twins” to Assessment")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#board-status")).to_have_text("“Digital twins” moved to Assessment.")
    expect(stage(page, "assessment").get_by_role("link", name="Digital twins")).to_be_visible()
    assert Card.objects.get(title="Digital twins").stage == "assessment"
    assert not web.page_errors and not web.csp_violations
    both_widths(web, "assessment-board-moved")

    web.goto(f"/me/boards/{board.pk}/")  # a full reload shows the same board
    expect(stage(page, "assessment").get_by_role("link", name="Digital twins")).to_be_visible()


def test_the_buttons_work_without_script(browser, site, people, board):
    from tests.e2e.conftest import DESKTOP, Web

    web = Web(browser, site, viewport=DESKTOP)
    try:
        web.context.close()
        web.context = browser.new_context(base_url=site, viewport=DESKTOP, java_script_enabled=False)
        web.page = web.context.new_page()
        web.sign_in_as(people["bob"])
        web.goto(f"/me/boards/{board.pk}/")
        web.page.get_by_role("button", name="Move “Heat pumps” to Screening").click()
        expect(web.page.get_by_text("“Heat pumps” moved to Screening.")).to_be_visible()
        expect(stage(web.page, "screening").get_by_role("link", name="Heat pumps")).to_be_visible()
    finally:
        web.close()


def test_criteria_and_card_edit(web, people, board):
    page = web.page
    web.sign_in_as(people["alice"])
    web.goto(f"/me/boards/{board.pk}/")
    page.get_by_role("link", name="Edit the criteria").click()
    expect(page.get_by_role("heading", name="Criteria of “Energy board”", level=1)).to_be_visible()
    both_widths(web, "assessment-criteria")
    page.get_by_role("button", name="Add the criterion").click()  # empty: refused
    expect(page.locator(".error-summary")).to_be_visible()
    both_widths(web, "assessment-criteria-refused")
    page.get_by_label("Group").select_option(label="Opportunity")
    page.get_by_label("Name").fill("Fit with our strategy")
    page.get_by_label("Weight").fill("4")
    for i in range(1, 6):
        page.get_by_label(f"Level {i} means").fill(f"Fit level {i}")
    page.get_by_role("button", name="Add the criterion").click()
    expect(page.get_by_text("Criterion “Fit with our strategy” added.")).to_be_visible()
    page.get_by_role("button", name="Move “Fit with our strategy” Up").click()
    expect(page.get_by_text("“Fit with our strategy” moved up.")).to_be_visible()
    page.get_by_role("link", name="Edit “Market pull”").click()
    web.check_page("assessment-criterion")
    page.get_by_label("Weight").fill("5")
    page.get_by_role("button", name="Save the criterion").click()
    expect(page.get_by_text("Criterion “Market pull” saved.")).to_be_visible()
    page.get_by_role("button", name="Remove “Market pull”").click()
    expect(page.get_by_text("2 scores have been given on this criterion")).to_be_visible()
    both_widths(web, "assessment-criterion-remove")
    page.get_by_role("button", name="Remove the criterion and 2 scores").click()
    expect(page.get_by_text("Criterion “Market pull” removed and 2 scores with it.")).to_be_visible()

    from campus.scanning import services as scanning

    scanning.create_signal(actor=people["bob"], edition=people["edition"], title="District heating tenders",
                           visibility="group", group=people["group"])
    card = board.cards.get(title="Heat pumps")
    web.goto(f"/me/boards/cards/{card.pk}/")
    page.get_by_role("link", name="Edit the card").click()
    page.get_by_label("District heating tenders").check()
    both_widths(web, "assessment-card-edit")
    page.get_by_label("Title").fill("")
    page.get_by_label("Evidence for the TRL").fill("Two pilot plants at members")
    page.get_by_role("button", name="Save the card").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Evidence for the TRL")).to_have_value("Two pilot plants at members")
    web.check_page("assessment-card-edit-refused")
    page.get_by_label("Title").fill("Large heat pumps")
    page.get_by_label("Owner").select_option(label="Bob Brown")
    page.get_by_role("button", name="Save the card").click()
    expect(page.get_by_text("Card saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Large heat pumps", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="District heating tenders")).to_be_visible()  # linked


def test_module_lead_reads_the_cohorts_boards(web, people, board):
    from campus.assessment import services

    card = board.cards.get(title="Heat pumps")
    services.decide(card=card, actor=people["alice"], decision="trial", rationale="Worth a pilot")
    page = web.page
    web.sign_in_as(people["lead"])
    web.goto("/staff/")
    page.get_by_role("link", name="Assessment boards").first.click()
    expect(page.get_by_role("heading", name="Assessment boards of the cohort", level=1)).to_be_visible()
    both_widths(web, "assessment-staff-home")
    page.get_by_role("link", name="Energy board").click()
    expect(page.get_by_text("Worth a pilot")).to_be_visible()
    expect(page.get_by_text("Weighted mean 3.0 from 1 scorer").first).to_be_visible()
    both_widths(web, "assessment-staff-board")
