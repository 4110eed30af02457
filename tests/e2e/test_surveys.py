"""Surveys in Chromium: a manager builds a survey with each kind of question and opens it; a participant reads
the anonymity notice, saves part-way, comes back, finds their answers and submits; the manager sees the charts
(SVG with a table as text alternative). Every page passes axe at 1280 and 375 px and loads nothing from another
origin."""

import pytest
from playwright.sync_api import expect


@pytest.fixture
def people(site):
    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.cohort.conftest import make_participant
    from tests.interviews.conftest import make_person

    edition = Edition.objects.get(is_current=True)
    return {
        "manager": make_person("mia.manager@example.org", TeamMembership.Role.MANAGER, edition=edition),
        "pia": make_participant(edition, "pia.participant@example.org", given="Pia"),
    }


def check_both(web, label):
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def add_question(page, text, kind, choices=""):
    page.locator("#id_text").fill(text)
    page.get_by_label(kind, exact=True).check()
    if choices:
        page.get_by_label("Choices, one per line").fill(choices)
    page.get_by_role("button", name="Add the question").click()
    expect(page.get_by_text("The question is added.")).to_be_visible()


def test_build_open_answer_part_way_submit_and_read_the_charts(web, people):
    page = web.page

    # --- the manager builds the survey -------------------------------------------------------------------
    web.sign_in_as(people["manager"])
    web.goto("/staff/feedback/")
    check_both(web, "surveys-staff-empty")
    page.get_by_role("link", name="New survey").click()
    page.get_by_role("button", name="Create").click()
    expect(page.locator(".error-summary")).to_be_visible()
    check_both(web, "surveys-new-errors")
    page.get_by_label("Title").fill("Module 1: how was it?")
    page.get_by_label("Module", exact=True).select_option(index=1)  # module 1
    page.get_by_label("Anonymous: stored without the participant's name and without a time").check()
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_text("The survey is created.")).to_be_visible()
    add_question(page, "The module was useful for my cluster", "Agreement scale (1–5)")
    add_question(page, "Which day helped most?", "One choice", "Day one\nDay two")
    add_question(page, "What should stay?", "Several choices", "Site visits\nPeer talks\nWorkshops")
    add_question(page, "What should change?", "Free text")
    check_both(web, "surveys-builder")
    page.get_by_role("button", name="Open the survey").click()
    expect(page.get_by_text("The survey is open")).to_be_visible()

    # --- the participant saves part-way, comes back and submits -------------------------------------------
    web.sign_in_as(people["pia"].user)
    web.goto("/me/")
    page.get_by_role("link", name="Module 1: how was it?").click()
    expect(page.get_by_role("heading", name="Your answers are anonymous")).to_be_visible()
    check_both(web, "surveys-answer")
    page.get_by_label("4 – Agree").check()
    page.get_by_label("What should change?").fill("More time for peer coaching")
    page.get_by_role("button", name="Save and continue later").click()
    expect(page.get_by_text("Your answers are saved.")).to_be_visible()
    web.goto("/me/surveys/")
    expect(page.get_by_text("saved part-way")).to_be_visible()
    check_both(web, "surveys-participant-list")
    page.get_by_role("link", name="Module 1: how was it?").click()
    expect(page.get_by_label("4 – Agree")).to_be_checked()
    expect(page.get_by_label("What should change?")).to_have_value("More time for peer coaching")
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".error-summary")).to_contain_text("Which day helped most?")
    expect(page.get_by_label("What should change?")).to_have_value("More time for peer coaching")
    check_both(web, "surveys-answer-errors")
    page.get_by_label("Day two").check()
    page.get_by_label("Peer talks").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Thank you: your answers are submitted.")).to_be_visible()

    # --- two more participants answer (an anonymous survey's answers are shown from three on) -------------
    from campus.feedback import services
    from campus.feedback.models import Survey
    from tests.cohort.conftest import make_participant

    survey = Survey.objects.get(title="Module 1: how was it?")
    keys = {q.kind: q.key for q in survey.questions.all()}
    for n in range(2):
        person = make_participant(survey.edition, f"more{n}@example.org", given=f"More{n}")
        services.submit(survey=survey, participant=person, answers={
            keys["likert"]: 5, keys["single"]: "Day one", keys["multiple"]: ["Site visits"], keys["text"]: "Good"})

    # --- the manager reads the results ----------------------------------------------------------------------
    web.sign_in_as(people["manager"])
    web.goto("/staff/feedback/")
    page.get_by_role("link", name="Results of Module 1: how was it?").click()
    expect(page.locator("svg.survey-chart")).to_have_count(3)
    expect(page.get_by_text("More time for peer coaching")).to_be_visible()
    page.get_by_text("The figures as a table").first.click()
    expect(page.get_by_role("cell", name="33 %").first).to_be_visible()
    check_both(web, "surveys-results")
    page.get_by_role("link", name="Who has not answered").click()
    expect(page.get_by_text("3 of 3 participants answered")).to_be_visible()
    check_both(web, "surveys-not-answered")
