"""Eligibility screening: the pure function, requirement by requirement, and what the applicant reads
on the review page before submitting. (The staff override is tested with the staff pages.)"""

import html
import re

import pytest

from campus.applications import eligibility
from campus.applications.eligibility import ELIGIBLE, MET, NEEDS_CHECK, NOT_ELIGIBLE, NOT_MET, NOTE, UNKNOWN, assess
from campus.applications.models import Application
from campus.programme.models import Meetup

from .conftest import GOOD_ANSWERS, fill_all_steps

SEED_REQUIREMENTS = [
    ("english", "Fluent in English"),
    ("experience", "Minimum 2 years of experience as a cluster manager/managing role in a cluster"),
    ("project-management", "Experienced in project management"),
    ("eu-resident", "Resident in the EU"),
]
ASK_YEARS = "Tell us how many years you have worked as a cluster manager or in a managing role in a cluster."
ALL_MET = {"english_level": "fluent", "years_as_manager": 4, "project_management": "yes", "country_of_residence": "FI"}


def text_of(response) -> str:
    """The page as a reader sees it: no tags, entities decoded, white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def only(code, answers):
    """The one reason for requirement ``code`` (and the overall status) for these answers."""
    result = assess(answers, [(code, dict(SEED_REQUIREMENTS).get(code, "Something else"))])
    assert len(result.reasons) == 1
    assert result.reasons[0].code == code
    return result.reasons[0], result.status


@pytest.mark.parametrize(
    ("answers", "status", "message"),
    [
        ({"english_level": "native"}, MET, "Your English is fluent."),
        ({"english_level": "fluent"}, MET, "Your English is fluent."),
        ({"english_level": "good"}, UNKNOWN,
         "The programme asks for fluent English; the team will check your level with you."),
        ({"english_level": "basic"}, NOT_MET, "The programme is taught in English and asks for fluent English."),
        ({"english_level": ""}, UNKNOWN, "Tell us your level of English: the programme is taught in English."),
        ({}, UNKNOWN, "Tell us your level of English: the programme is taught in English."),
    ],
)
def test_english(answers, status, message):
    reason, _ = only("english", answers)
    assert (reason.status, reason.message) == (status, message)


@pytest.mark.parametrize(
    ("years", "status", "message"),
    [
        (2, MET, "You have at least 2 years of experience as a cluster manager or in a managing role."),
        ("2", MET, "You have at least 2 years of experience as a cluster manager or in a managing role."),
        (25, MET, "You have at least 2 years of experience as a cluster manager or in a managing role."),
        (1, NOT_MET, "The programme asks for at least 2 years of experience as a cluster manager or in a managing "
                     "role in a cluster; you told us 1."),
        ("1.5", NOT_MET, "The programme asks for at least 2 years of experience as a cluster manager or in a "
                         "managing role in a cluster; you told us 1.5."),
        (0, NOT_MET, "The programme asks for at least 2 years of experience as a cluster manager or in a managing "
                     "role in a cluster; you told us 0."),
        (None, UNKNOWN, ASK_YEARS),
        ("", UNKNOWN, ASK_YEARS),
        ("many", UNKNOWN, "The team will check your years of experience."),
    ],
)
def test_experience(years, status, message):
    reason, _ = only("experience", {"years_as_manager": years})
    assert (reason.status, reason.message) == (status, message)


@pytest.mark.parametrize(
    ("value", "status", "message"),
    [
        ("yes", MET, "You are experienced in project management."),
        (True, MET, "You are experienced in project management."),
        ("no", NOT_MET, "The programme asks for experience in project management."),
        (False, NOT_MET, "The programme asks for experience in project management."),
        (None, UNKNOWN, "Tell us whether you are experienced in project management."),
        ("", UNKNOWN, "Tell us whether you are experienced in project management."),
    ],
)
def test_project_management(value, status, message):
    reason, _ = only("project-management", {"project_management": value})
    assert (reason.status, reason.message) == (status, message)


@pytest.mark.parametrize(
    ("country", "status"),
    [("FI", MET), ("se", MET), ("DE", MET), ("LT", MET), ("NO", NOT_MET), ("GB", NOT_MET), ("UA", NOT_MET),
     ("", UNKNOWN), (None, UNKNOWN)],
)
def test_eu_resident(country, status):
    reason, _ = only("eu-resident", {"country_of_residence": country})
    assert reason.status == status
    assert reason.message == {
        MET: "You live in the EU.",
        NOT_MET: "The programme is open to residents of the EU; you told us you live outside it.",
        UNKNOWN: "Tell us the country you live in.",
    }[status]


def test_the_eu_list_has_the_27_member_states():
    assert len(eligibility.EU_MEMBER_STATES) == 27
    assert "GB" not in eligibility.EU_MEMBER_STATES and "NO" not in eligibility.EU_MEMBER_STATES


def test_an_unknown_requirement_code_needs_a_check_in_plain_words():
    reason, status = only("driving-licence", {**ALL_MET})
    assert reason.status == UNKNOWN
    assert reason.message == "The team will check this requirement: Something else."
    assert status == NEEDS_CHECK


@pytest.mark.parametrize("value", ["no", False])
def test_missing_some_modules_is_a_note_never_decisive(value):
    result = assess({**ALL_MET, "can_join_all_modules": value}, SEED_REQUIREMENTS)
    assert result.status == ELIGIBLE
    assert result.reasons[-1] == eligibility.Reason(
        "all-modules", NOTE, "Preferably participants join all four modules; you told us you may miss some."
    )
    assert len(result.reasons) == 5


@pytest.mark.parametrize("value", ["yes", True, None])
def test_joining_all_modules_adds_no_note(value):
    result = assess({**ALL_MET, "can_join_all_modules": value}, SEED_REQUIREMENTS)
    assert [r.code for r in result.reasons] == [code for code, _ in SEED_REQUIREMENTS]
    assert all(r.status == MET for r in result.reasons)


@pytest.mark.parametrize(
    ("answers", "status", "unmet"),
    [
        (ALL_MET, ELIGIBLE, []),
        ({**ALL_MET, "english_level": "good"}, NEEDS_CHECK, []),
        ({**ALL_MET, "years_as_manager": None}, NEEDS_CHECK, []),
        ({**ALL_MET, "country_of_residence": "NO"}, NOT_ELIGIBLE, ["eu-resident"]),
        # a requirement not met decides, even next to one that needs a check
        ({**ALL_MET, "english_level": "good", "project_management": "no"}, NOT_ELIGIBLE, ["project-management"]),
        ({"english_level": "basic", "years_as_manager": 1, "project_management": "no", "country_of_residence": "GB"},
         NOT_ELIGIBLE, ["english", "experience", "project-management", "eu-resident"]),
        ({}, NEEDS_CHECK, []),
    ],
)
def test_overall_status(answers, status, unmet):
    result = assess(answers, SEED_REQUIREMENTS)
    assert result.status == status
    assert [r.code for r in result.unmet] == unmet
    assert [r.code for r in result.reasons][:4] == [code for code, _ in SEED_REQUIREMENTS]  # in the edition's order


def test_no_requirements_is_eligible_and_reasons_are_plain_dicts():
    assert assess({}, []).status == ELIGIBLE
    result = assess({"english_level": "basic"}, [("english", "Fluent in English")])
    assert [r.as_dict() for r in result.reasons] == [
        {"code": "english", "status": "not_met",
         "message": "The programme is taught in English and asks for fluent English."}
    ]


# --- on the pages ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_review_shows_each_unmet_requirement_in_plain_words_before_submitting(
    applicant_client, call, settings, tmp_path
):
    fill_all_steps(applicant_client)
    about = {**GOOD_ANSWERS["about"], "english_level": "basic", "country_of_residence": "NO"}
    assert applicant_client.post("/apply/step/about/", about).status_code == 302
    cluster = {**GOOD_ANSWERS["cluster"], "years_as_manager": "1"}
    assert applicant_client.post("/apply/step/cluster/", cluster).status_code == 302
    first_meetup = str(Meetup.objects.order_by("starts_at")[0].pk)
    availability = {"can_join_all_modules": "no", "meetups_might_miss": [first_meetup]}
    assert applicant_client.post("/apply/step/availability/", availability).status_code == 302

    application = Application.objects.get()
    assert application.state == "draft"
    assert application.eligibility == NOT_ELIGIBLE
    assert [r["code"] for r in application.eligibility_reasons if r["status"] == NOT_MET] == [
        "english", "experience", "eu-resident"
    ]

    page = text_of(applicant_client.get("/apply/review/"))
    assert "Not met The programme is taught in English and asks for fluent English." in page
    assert ("Not met The programme asks for at least 2 years of experience as a cluster manager or in a managing "
            "role in a cluster; you told us 1.") in page
    assert "Not met The programme is open to residents of the EU; you told us you live outside it." in page
    assert "Met You are experienced in project management." in page
    assert "Note Preferably participants join all four modules; you told us you may miss some." in page
    assert "You can still submit: the team reads every application" in page
    assert "Submit your application" in page  # shown before submitting, and submitting stays possible


@pytest.mark.django_db
def test_review_of_an_eligible_applicant_has_no_warning(applicant_client, call, settings, tmp_path):
    fill_all_steps(applicant_client)
    page = text_of(applicant_client.get("/apply/review/"))
    assert "Met Your English is fluent." in page
    assert "Met You live in the EU." in page
    assert "Not met" not in page
    assert "You can still submit" not in page
