"""The survey pages with data that could leak: participants see only their own edition's surveys and never
another's named answers; the lead of module 2 never sees module 1's results; anonymous surveys show counts,
never names; refused forms answer 200 with what was typed."""

import pytest
from django.urls import reverse

from campus.feedback import services
from campus.feedback.models import Completion, Response, Survey

from .conftest import answers_for, build_survey

pytestmark = pytest.mark.django_db


def keys(survey):
    return {q.kind: q.key for q in survey.questions.all()}


def post_answers(client, survey, *, action="submit", **values):
    k = keys(survey)
    data = {action: "1"}
    for kind, value in values.items():
        data[k[kind]] = value
    return client.post(reverse("feedback:answer", args=[survey.pk]), data)


def test_the_participant_list_shows_open_answered_and_closed(client, seeded, manager, pia):
    open_one = build_survey(seeded, manager, title="Open one")
    answered = build_survey(seeded, manager, title="Answered one")
    closed = build_survey(seeded, manager, title="Closed one")
    build_survey(seeded, manager, title="Draft one", open_it=False)
    services.submit(survey=answered, participant=pia, answers=answers_for(answered))
    services.set_state(survey=closed, to="closed", actor=manager)
    client.force_login(pia.user)
    text = client.get("/me/surveys/").content.decode()
    assert text.index("Open one") < text.index("Answered one") < text.index("Closed one")
    assert "Draft one" not in text
    home = client.get("/me/").content.decode()
    assert "Surveys waiting for you" in home and "Open one" in home and "Answered one" not in home
    assert client.get(reverse("feedback:answer", args=[Survey.objects.get(title="Draft one").pk])).status_code == 404
    assert open_one.state == "open"


def test_the_anonymity_notice_is_shown_before_the_questions(client, seeded, manager, pia):
    anonymous = build_survey(seeded, manager, anonymous=True, title="Anon")
    named = build_survey(seeded, manager, anonymous=False, title="Named")
    client.force_login(pia.user)
    text = client.get(reverse("feedback:answer", args=[anonymous.pk])).content.decode()
    assert text.index("Your answers are anonymous") < text.index("The module was useful")
    text = client.get(reverse("feedback:answer", args=[named.pk])).content.decode()
    assert text.index("Your answers are named") < text.index("The module was useful")


def test_save_part_way_come_back_submit_once(client, seeded, manager, pia):
    survey = build_survey(seeded, manager)
    client.force_login(pia.user)
    response = post_answers(client, survey, action="save", likert="2", text="Half my thoughts")
    assert response.status_code == 302
    text = client.get(reverse("feedback:answer", args=[survey.pk])).content.decode()
    assert "Half my thoughts" in text and f'value="2" id="question-{keys(survey)["likert"]}_1" required checked' in text
    refused = post_answers(client, survey, likert="2", text="Half my thoughts")  # "Best day" missing
    assert refused.status_code == 200
    body = refused.content.decode()
    assert "There is a problem" in body and "Half my thoughts" in body
    done = post_answers(client, survey, likert="2", single="Day two", text="All my thoughts")
    assert done.status_code == 302
    again = post_answers(client, survey, likert="5", single="Day one")
    assert again.status_code == 200 and "answered once" in again.content.decode()
    assert Response.objects.count() == 1 and Completion.objects.count() == 1


def test_a_participant_never_sees_named_answers_nor_staff_pages(client, seeded, manager, pia, olli):
    survey = build_survey(seeded, manager, anonymous=False)
    services.submit(survey=survey, participant=olli, answers=answers_for(survey, text="Olli's private remark"))
    services.submit(survey=survey, participant=pia, answers=answers_for(survey, likert=2, text="Pia's own remark"))
    client.force_login(pia.user)
    for url in ("/me/surveys/", reverse("feedback:answer", args=[survey.pk]), "/me/"):
        assert "private remark" not in client.get(url).content.decode()
    own = client.get(reverse("feedback:answer", args=[survey.pk])).content.decode()
    assert "Your answers" in own and "Pia&#x27;s own remark" in own and "2 – Disagree" in own
    for name in ("results", "not_answered", "survey"):
        assert client.get(reverse(f"staff_feedback:{name}", args=[survey.pk])).status_code == 404
    assert client.get(reverse("staff_feedback:export", args=[survey.pk, "csv"])).status_code == 404


def test_a_survey_of_another_edition_is_not_found(client, seeded, manager, pia):
    from campus.programme.models import Edition

    other = Edition.objects.create(programme=seeded.programme, name="2030", slug="e2030", capacity=5,
                                   application_deadline="2030-01-01", acceptance_letter_on="2030-02-01",
                                   hours_per_week_min=1, hours_per_week_max=2)
    survey = build_survey(other, manager)  # the manager holds no role there, services do not ask
    client.force_login(pia.user)
    assert client.get(reverse("feedback:answer", args=[survey.pk])).status_code == 404
    client.force_login(manager)
    assert client.get(reverse("staff_feedback:results", args=[survey.pk])).status_code == 404


def test_module_leads_see_only_their_modules_results(client, seeded, manager, modules, lead1, lead2, pia):
    first = build_survey(seeded, manager, module=modules[0], anonymous=False, title="Module one survey")
    services.submit(survey=first, participant=pia, answers=answers_for(first, text="Secret of module one"))
    edition_wide = build_survey(seeded, manager, title="Edition survey")
    client.force_login(lead1)
    assert "Secret of module one" in client.get(reverse("staff_feedback:results", args=[first.pk])).content.decode()
    assert client.get(reverse("staff_feedback:survey", args=[first.pk])).status_code == 302  # to the results
    assert client.post(reverse("staff_feedback:state", args=[first.pk]), {"to": "closed"}).status_code == 403
    assert client.post(reverse("staff_feedback:remind", args=[first.pk])).status_code == 403
    assert client.get(reverse("staff_feedback:results", args=[edition_wide.pk])).status_code == 404
    client.force_login(lead2)
    listing = client.get(reverse("staff_feedback:home")).content.decode()
    assert "Module one survey" not in listing
    for name in ("results", "not_answered", "survey", "edit"):
        assert client.get(reverse(f"staff_feedback:{name}", args=[first.pk])).status_code == 404
    export = client.get(reverse("staff_feedback:export", args=[first.pk, "xlsx"]))
    assert export.status_code == 404


def test_who_has_not_answered_names_only_for_named_surveys(client, seeded, manager, pia, olli):
    anonymous = build_survey(seeded, manager, anonymous=True, title="Anon")
    named = build_survey(seeded, manager, anonymous=False, title="Named")
    services.submit(survey=anonymous, participant=pia, answers=answers_for(anonymous))
    services.submit(survey=named, participant=pia, answers=answers_for(named))
    client.force_login(manager)
    text = client.get(reverse("staff_feedback:not_answered", args=[anonymous.pk])).content.decode()
    assert "olli.other@example.org" not in text and "pia.participant@example.org" not in text
    assert "1 of 2 participants answered" in text
    text = client.get(reverse("staff_feedback:not_answered", args=[named.pk])).content.decode()
    assert "olli.other@example.org" in text and "pia.participant@example.org" not in text


def test_the_manager_builds_opens_and_reads_results(client, seeded, manager, modules, pia):
    client.force_login(manager)
    response = client.post(reverse("staff_feedback:new"), {"title": "", "module": modules[0].pk, "anonymous": "no"})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    response = client.post(reverse("staff_feedback:new"), {"title": "Module 1 feedback", "module": modules[0].pk,
                                                           "anonymous": "no", "local_closes": "2099-01-01 12:00"})
    survey = Survey.objects.get(title="Module 1 feedback")
    assert response.status_code == 302 and not survey.anonymous
    assert survey.closes_at.utcoffset().total_seconds() == 0  # stored in UTC
    refused = client.post(reverse("staff_feedback:question_new", args=[survey.pk]),
                          {"text": "Pick one", "kind": "single", "choices": "Only one", "required": "on"})
    assert refused.status_code == 200 and "Only one" in refused.content.decode()
    for kind, text, choices in (("likert", "Useful?", ""), ("single", "Pick", "A\nB"), ("multiple", "Many", "A\nB\nC"),
                                ("text", "Say", "")):
        client.post(reverse("staff_feedback:question_new", args=[survey.pk]),
                    {"text": text, "kind": kind, "choices": choices, "required": "on"})
    assert list(survey.questions.values_list("kind", flat=True)) == ["likert", "single", "multiple", "text"]
    last = survey.questions.get(kind="text")
    client.post(reverse("staff_feedback:question_move", args=[last.pk]), {"direction": "up"})
    assert list(survey.questions.values_list("kind", flat=True)) == ["likert", "single", "text", "multiple"]
    client.post(reverse("staff_feedback:state", args=[survey.pk]), {"to": "open"})
    survey.refresh_from_db()
    assert survey.state == "open"
    assert client.post(reverse("staff_feedback:question_delete", args=[last.pk])).status_code == 302
    assert survey.questions.count() == 4  # fixed once open
    services.submit(survey=survey, participant=pia, answers={
        str(q.pk): {"likert": 4, "single": "A", "multiple": ["B"], "text": "Fine"}[q.kind]
        for q in survey.questions.all()})
    text = client.get(reverse("staff_feedback:results", args=[survey.pk])).content.decode()
    assert "<svg" in text and "<table" in text and "Fine" in text and "mean 4.0 of 5" in text


def test_exports_neutralise_formulas_and_anonymous_ones_have_no_names(client, seeded, manager, pia):
    from tests.cohort.conftest import make_participant

    survey = build_survey(seeded, manager, anonymous=True)
    services.submit(survey=survey, participant=pia, answers=answers_for(survey, text="=HYPERLINK(\"x\")"))
    for n in range(2):  # an anonymous survey's answers are given out from three on
        person = make_participant(seeded, f"x{n}@example.org", given=f"X{n}")
        services.submit(survey=survey, participant=person, answers=answers_for(survey))
    client.force_login(manager)
    response = client.get(reverse("staff_feedback:export", args=[survey.pk, "csv"]))
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["Content-Disposition"].startswith("attachment")
    assert "'=HYPERLINK" in content and "pia" not in content.lower()
    response = client.get(reverse("staff_feedback:export", args=[survey.pk, "xlsx"]))
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert '=HYPERLINK("x")' in cells and all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row
                                                 if cell.value is not None)


def test_results_take_a_fixed_number_of_queries(client, seeded, manager, django_assert_num_queries):
    from tests.cohort.conftest import make_participant

    survey = build_survey(seeded, manager, anonymous=False)
    client.force_login(manager)
    url = reverse("staff_feedback:results", args=[survey.pk])

    def answer(count, start):
        for n in range(start, start + count):
            person = make_participant(seeded, f"r{n}@example.org", given=f"R{n}")
            services.submit(survey=survey, participant=person, answers=answers_for(survey, text=f"text {n}"))

    answer(10, 0)
    client.get(url)
    with django_assert_num_queries(QUERIES):
        assert client.get(url).status_code == 200
    answer(40, 10)
    with django_assert_num_queries(QUERIES):
        text = client.get(url).content.decode()
    assert "50 of 50 participants answered" in text


QUERIES = 11  # session, user, roles, 2x editions led, the survey, role on it, questions, responses, audience,
# content version (programme and footer kept per content version: core/content_memo.py)


def test_the_staff_list_takes_a_fixed_number_of_queries(client, seeded, manager, django_assert_num_queries):
    client.force_login(manager)
    build_survey(seeded, manager, title="One")
    client.get(reverse("staff_feedback:home"))  # warm-up: programme, footer pages, forum link kept per version
    with django_assert_num_queries(LIST_QUERIES):
        client.get(reverse("staff_feedback:home"))
    for n in range(5):
        build_survey(seeded, manager, title=f"More {n}")
    with django_assert_num_queries(LIST_QUERIES):
        text = client.get(reverse("staff_feedback:home")).content.decode()
    assert all(f"More {n}</a>" in text for n in range(5))


LIST_QUERIES = 8  # session, user, roles, 2x editions led, surveys, editions led, content version


def test_the_participant_list_takes_a_fixed_number_of_queries(client, seeded, manager, pia,
                                                              django_assert_num_queries):
    client.force_login(pia.user)
    build_survey(seeded, manager, title="One")
    client.get("/me/surveys/")  # warm-up: programme, footer pages, forum link kept per content version
    with django_assert_num_queries(PARTICIPANT_QUERIES):
        client.get("/me/surveys/")
    for n in range(5):
        build_survey(seeded, manager, title=f"More {n}")
    with django_assert_num_queries(PARTICIPANT_QUERIES):
        client.get("/me/surveys/")


PARTICIPANT_QUERIES = 5  # session, user, participation (with the sections' coaching group?), surveys, content
# version (programme and footer kept per content version: core/content_memo.py)


def test_times_are_shown_in_the_modules_zone_and_a_survey_not_yet_open_waits(client, seeded, manager, modules, pia):
    from datetime import UTC, datetime, timedelta

    from django.utils import timezone

    survey = build_survey(seeded, manager, module=modules[0], title="Later survey", open_it=False)
    opens = timezone.now() + timedelta(days=3)
    services.update_survey(survey=survey, actor=manager, opens_at=opens,
                           closes_at=datetime(2099, 6, 1, 10, 0, tzinfo=UTC))
    services.set_state(survey=survey, to="open", actor=manager)
    client.force_login(pia.user)
    text = client.get("/me/surveys/").content.decode()
    assert "Opening soon" in text and f"({modules[0].timezone})" in text
    assert client.post(reverse("feedback:answer", args=[survey.pk]), {"submit": "1"}).status_code == 200
    assert not Response.objects.exists()


def test_who_has_not_answered_takes_a_fixed_number_of_queries(client, seeded, manager, django_assert_num_queries):
    from tests.cohort.conftest import make_participant

    survey = build_survey(seeded, manager, anonymous=False)
    client.force_login(manager)
    url = reverse("staff_feedback:not_answered", args=[survey.pk])
    for n in range(3):
        make_participant(seeded, f"n{n}@example.org", given=f"N{n}")
    client.get(url)
    with django_assert_num_queries(NOT_ANSWERED_QUERIES):
        client.get(url)
    for n in range(3, 20):
        make_participant(seeded, f"n{n}@example.org", given=f"N{n}")
    with django_assert_num_queries(NOT_ANSWERED_QUERIES):
        assert "n19@example.org" in client.get(url).content.decode()


NOT_ANSWERED_QUERIES = 10  # session, user, roles, 2x editions led, the survey, role on it, participants,
# counts, content version (programme and footer kept per content version)


def test_only_a_draft_survey_is_deleted(client, seeded, manager, lead1, modules):
    draft = build_survey(seeded, manager, module=modules[0], open_it=False, title="Draft to delete")
    opened = build_survey(seeded, manager, module=modules[0], title="Opened")
    client.force_login(lead1)
    assert client.post(reverse("staff_feedback:delete", args=[draft.pk])).status_code == 403
    client.force_login(manager)
    assert client.post(reverse("staff_feedback:delete", args=[opened.pk])).status_code == 302
    assert Survey.objects.filter(pk=opened.pk).exists()
    response = client.post(reverse("staff_feedback:delete", args=[draft.pk]), follow=True)
    assert "is deleted" in response.content.decode()
    assert not Survey.objects.filter(pk=draft.pk).exists()
