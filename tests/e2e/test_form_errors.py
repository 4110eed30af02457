"""Every form of the permission matrix, submitted empty in Chromium by someone who may use it: the page answers 200
with the form, focus is on the error summary, each of the summary's links points at a field of the page that is
in error, the title starts with "Error", and axe-core finds nothing at 1280 and at 375 px.

The forms are the matrix's URLs whose empty POST is refused on the page (tests/security/matrix*.py: "200" to a
POST): the form is found on the page itself, or, for an action that has no page of its own, on the page that
shows it (``SHOWN_ON``). Every field of the form is emptied (text, selects, radios and checkboxes) before the
submit, so what comes back is the form refused as a person would see it.
"""

import os
import re
from pathlib import Path

import pytest

from tests.security.matrix import MATRIX
from tests.security.world import build_world

from .conftest import NARROW

# who submits each form: the first of these roles that may
PREFERRED = ("anonymous", "other", "applicant", "reviewer", "manager", "superuser")
SKIP = (
    "admin:",  # the Django admin's own forms
    "api:",  # no form
    "account_reset_password_from_key",  # a link that is not valid: no form, a message
    "account_request_reauthentication_code",  # a button that mails a code: nothing to fill in
    "staff_interviews:invite",  # the world has nobody left to invite: tests/e2e/test_recruitment_gaps.py refuses it
    # an emptied roll call changes nothing and is not refused (a remark without a status is: tests/attendance)
    "staff_attendance:roll_call",
    # news: a button with nothing to fill in (confirm, unsubscribe); an emptied choice of lists is valid (it
    # unsubscribes): tests/news and tests/e2e/test_news.py
    "news:confirm", "news:unsubscribe", "news:manage",
)
NO_FORM_LEFT = {"/staff/certificates/{revoked_certificate}/"}  # a revoked certificate cannot be revoked again
# actions without a page of their own, and the page that shows their form
SHOWN_ON = {
    "staff_privacy:export": "/staff/privacy/",
    "staff_applications:override": "/staff/applications/{application}/",
    "staff_applications:extend": "/staff/applications/{application}/",
    "staff_applications:request_information": "/staff/applications/{application}/",
    "staff_review:auto_assign": "/staff/review/calls/{call}/assignments/",
    "staff_review:conflict_add": "/staff/review/calls/{call}/assignments/",
    "staff_admissions:settings": "/staff/admissions/{call}/",
    "staff_booklet:consent": "/staff/booklet/participants/{bk_hidden_participant}/",
}
REFUSED = ("200", "200+secret")
# a form that takes an empty submit (a draft step whose letter may come as a file): something it refuses
INVALID = {"/apply/step/motivation/": {"#id_motivation_letter": "word " * 600}}  # over the 500-word limit
# the matrix lists two of the application's steps (one of questions, one with the upload): the other steps too
OTHER_STEPS = [("apply:step", "other", f"/apply/step/{step}/", f"/apply/step/{step}/")
               for step in ("cluster", "availability", "motivation", "consent")]


def forms_to_refuse():
    """(matrix key, role, page URL, action URL) of every form whose empty submit is refused on the page."""
    for key, cases in MATRIX.items():
        if key.startswith(SKIP):
            continue
        for case in cases:
            if case.url in NO_FORM_LEFT:
                continue
            roles = [role for role in PREFERRED if case.POST.get(role) in REFUSED
                     and (key in SHOWN_ON or case.GET.get(role) in REFUSED)]
            if roles:
                yield key, roles[0], SHOWN_ON.get(key, case.url), case.url
    yield from OTHER_STEPS


EMPTY_THE_FORM = """(action) => {
    const form = [...document.querySelectorAll('form')].find(f => (f.getAttribute('method') || '').toLowerCase() === 'post'
        && new URL(f.getAttribute('action') || '', location.href).pathname === action);
    if (!form) return false;
    for (const el of form.elements) {
        if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button' || el.type === 'file') continue;
        if (el.type === 'checkbox' || el.type === 'radio') el.checked = false;
        else if ('value' in el) el.value = '';
    }
    for (const el of document.querySelectorAll('[form]')) {  // inputs outside the form that belong to it
        if (el.form === form && (el.type === 'checkbox' || el.type === 'radio')) el.checked = false;
    }
    form.setAttribute('data-refuse', '');
    return true;
}"""

SUMMARY_STATE = """() => {
    const summary = document.querySelector('.error-summary');
    const links = summary ? [...summary.querySelectorAll('a[href^="#"]')].map(a => {
        const target = document.getElementById(a.getAttribute('href').slice(1));
        return {href: a.getAttribute('href'), exists: !!target,
                invalid: !!target && (target.getAttribute('aria-invalid') === 'true' || !!target.closest('.field--error'))};
    }) : [];
    return {summary: !!summary, focused: !!summary && document.activeElement === summary,
            items: summary ? summary.querySelectorAll('li').length : 0, links, title: document.title};
}"""


def test_every_refused_form_focuses_a_summary_that_links_to_its_fields(web):
    world = build_world()
    targets = list(forms_to_refuse())
    assert len(targets) >= 35, f"only {len(targets)} forms found in the matrix"
    failures, current = [], None
    for key, role, page_url, action in targets:
        page_url, action = page_url.format(**world.values), action.format(**world.values)
        if role != current:
            web.context.clear_cookies()
            if role != "anonymous":
                web.sign_in_as(world.user(role))
            current = role
        label = f"{key} {action} as {role}"
        web.set_width(1280, 900)
        web.goto(page_url)
        if not web.page.evaluate(EMPTY_THE_FORM, action):
            failures.append(f"{label}: no form posting to {action} on {page_url} (at {web.page.url})")
            continue
        for selector, value in INVALID.get(action, {}).items():
            web.page.fill(selector, value)
        submit = web.page.locator("form[data-refuse] [type=submit]").first
        with web.page.expect_navigation() as navigation:
            submit.click()
        status = navigation.value.status if navigation.value else None
        if status != 200:
            failures.append(f"{label}: answered {status}, not 200 with the form")
        try:
            web.page.wait_for_function("() => document.activeElement && document.activeElement.matches('.error-summary')",
                                       timeout=3000)
        except Exception:  # noqa: BLE001 - the state below says what is wrong
            pass
        state = web.page.evaluate(SUMMARY_STATE)
        if not state["summary"] or not state["focused"] or not state["items"]:
            failures.append(f"{label}: summary {state['summary']}, focused {state['focused']}, {state['items']} items")
        bad = [link["href"] for link in state["links"] if not (link["exists"] and link["invalid"])]
        if bad:
            failures.append(f"{label}: summary links to no field in error: {bad}")
        if not state["title"].startswith("Error"):
            failures.append(f"{label}: title {state['title']!r}")
        for width in (1280, NARROW["width"]):
            web.set_width(width, 900)
            try:
                web.check_axe(label=f"({label}, {width} px)")
            except BaseException as error:  # pytest.fail raises an OutcomeException
                failures.append(f"{label} at {width} px: {str(error)[:600]}")
            if os.environ.get("CAMPUS_SCREENSHOTS"):
                name = re.sub(r"[^a-z0-9]+", "-", f"refused {action} {width}".lower()).strip("-")
                Path(os.environ["CAMPUS_SCREENSHOTS"]).mkdir(parents=True, exist_ok=True)
                web.page.screenshot(path=str(Path(os.environ["CAMPUS_SCREENSHOTS"]) / f"{name}.png"))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_refused_step_keeps_the_typed_text_and_the_summary_link_moves_to_the_field(web, width):
    """Following a summary link (by keyboard) puts focus on the field, visible below the sticky header."""
    world = build_world()
    web.sign_in_as(world.user("other"))
    web.set_width(width, 800)
    web.goto("/apply/step/about/")
    web.page.fill("#id_email", "aino(at)example.fi")
    with web.page.expect_navigation() as navigation:
        web.page.get_by_role("button", name="Save and continue").click()
    assert navigation.value.status == 200
    web.page.wait_for_function("() => document.activeElement.matches('.error-summary')", timeout=3000)
    assert web.page.input_value("#id_email") == "aino(at)example.fi"
    link = web.page.locator(".error-summary a[href='#id_email']")
    link.focus()
    web.page.keyboard.press("Enter")
    web.page.wait_for_function("() => document.activeElement && document.activeElement.id === 'id_email'", timeout=3000)
    box = web.page.locator("#id_email").bounding_box()
    header = web.page.locator(".site-header").bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, (box, header)
