"""The ranking board at 1280 and 1024 px: every column in view without sideways scrolling (inside the board's
own scroll box), references on one line, the heading row stays in view when the board scrolls; axe-clean at
1280 and 375 px. The data is the worst case the board shows: long names and organisations, released offers,
a waitlist, staged decisions, an eligibility set by staff."""

import pytest
from playwright.sync_api import expect

from tests.applications.staff_factories import make_application
from tests.e2e.test_admissions_journey import journey  # noqa: F401 (the fixture)

OUT_OF_VIEW = """() => {
  const table = document.querySelector('table.admissions-board');
  const box = table.closest('.table-scroll').getBoundingClientRect();
  const right = Math.min(document.documentElement.clientWidth, box.right);
  return [...table.querySelectorAll('thead th')]
    .map(th => ({name: th.innerText.split('\\n')[0], left: th.getBoundingClientRect().left,
                 right: th.getBoundingClientRect().right}))
    .filter(column => column.right > right + 1 || column.left < box.left - 1);
}"""

WRAPPED_REFERENCES = """() => [...document.querySelectorAll('table.admissions-board tbody td:first-child')]
  .filter(cell => {
    const link = cell.querySelector('a'), tick = cell.querySelector('input');
    const lines = link.getClientRects().length;
    return lines !== 1 || Math.abs(link.getBoundingClientRect().top - tick.getBoundingClientRect().top) > 12;
  })
  .map(cell => cell.innerText)"""


@pytest.fixture
def crowded(journey):  # noqa: F811
    from campus.admissions import services
    from campus.applications.models import Application
    from campus.review import services as review

    call, manager, reviewer = journey["call"], journey["manager"], journey["reviewer"]
    long = [
        ("Maria-Magdalena", "Wiśniewska-Kowalczyk", "PL", "Pomorskie Klaster Gospodarki Morskiej i Logistyki"),
        ("Jean-Christophe", "von Hohenzollern-Sigmaringen", "DE", "Kompetenznetz Maritime Wirtschaft Schleswig-Holstein"),
        ("Aleksandra", "Rimšaitė-Žukauskienė", "LT", "Lietuvos inžinerinės pramonės asociacija LINPRA"),
    ]
    for index, (first, last, country, organisation) in enumerate(long):
        application = make_application(call, email=f"long{index}@example.org", first_name=first, last_name=last,
                                       country_of_residence=country, organisation=organisation)
        review.assign(applications=[application], reviewers=[reviewer], actor=manager)
        criteria = journey["criteria"]
        review.save_review(application=application, reviewer=reviewer, scores={c.pk: 3 + index % 2 for c in criteria},
                           recommendation="no" if index == 1 else "yes", actor=reviewer)
    Application.objects.filter(call=call, applicant__email="long2@example.org").update(eligibility_override="needs_check")
    apps = list(Application.objects.filter(call=call, state="submitted").order_by("pk"))
    services.stage_decisions(call=call, decisions={apps[0].pk: ("admit", None), apps[1].pk: ("admit", None),
                                                   apps[2].pk: ("waitlist", None), apps[3].pk: ("waitlist", None)},
                             actor=manager)
    services.release(call=call, actor=manager)
    services.stage_decisions(call=call, decisions={apps[4].pk: ("waitlist", None), apps[5].pk: ("reject", None)},
                             actor=manager)
    return journey


@pytest.mark.parametrize("width", [1280, 1024])
def test_the_board_shows_every_column_and_one_line_references(web, crowded, width):
    call = crowded["call"]
    web.sign_in_as(crowded["manager"])
    web.set_width(width, 900)
    web.goto(f"/staff/admissions/{call.pk}/")
    rows = web.page.locator("table.admissions-board tbody tr")
    expect(rows).to_have_count(7)
    assert web.page.evaluate(OUT_OF_VIEW) == []
    assert web.page.evaluate(WRAPPED_REFERENCES) == []
    scroll = web.page.evaluate("() => { const b = document.querySelector('.admissions-board-scroll');"
                               " return [b.scrollWidth, b.clientWidth]; }")
    assert scroll[0] <= scroll[1] + 1, f"the board scrolls sideways at {width} px: {scroll}"  # 1 px: sub-pixel rounding
    assert web.page.evaluate("() => document.documentElement.scrollWidth") <= width
    if width == 1280:
        web.check_page("board-crowded-1280")
    else:
        web.check_page("board-crowded-1024")


def test_the_heading_row_stays_in_view_and_the_board_works_at_375(web, crowded):
    call = crowded["call"]
    web.sign_in_as(crowded["manager"])
    web.set_width(1280, 420)  # shorter than the board: it scrolls in its box
    web.goto(f"/staff/admissions/{call.pk}/")
    box = web.page.locator(".admissions-board-scroll")
    box.evaluate("b => b.scrollTop = 200")
    top = web.page.evaluate("() => [document.querySelector('.admissions-board-scroll').getBoundingClientRect().top,"
                            " document.querySelector('table.admissions-board thead th').getBoundingClientRect().top]")
    assert abs(top[0] - top[1]) <= 2, top
    web.set_width(375, 740)
    web.goto(f"/staff/admissions/{call.pk}/")
    web.check_page("board-crowded-375", narrow=True)
    # by keyboard: the scroll box takes the focus, then the sort links, then the first tick box, which Space ticks
    box.focus()
    for _ in range(20):
        web.page.keyboard.press("Tab")
        if web.page.evaluate("() => document.activeElement.name") == "application":
            break
    web.page.keyboard.press("Space")
    assert web.page.evaluate("() => document.activeElement.checked") is True
    web.goto(f"/staff/admissions/{call.pk}/release/")
    web.check_page("release-confirmation-names", narrow=True)
