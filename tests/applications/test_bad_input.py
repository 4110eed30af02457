"""Bad input on every field of every step, through the real views: a clear message next to the field, a 400,
everything typed kept in the re-rendered form, and the valid answers of the step saved to the draft.
Script tags are stored as typed and never run: escaped on the pages, plain text in the receipt mail,
printed literally in the receipt PDF."""

import html
import io
import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from pypdf import PdfReader

from campus.applications import selectors
from campus.applications.models import Application, Question
from campus.programme.models import Meetup

from .conftest import GOOD_ANSWERS, fill_all_steps

PHONE_MESSAGE = "Write the number with digits, spaces and an optional + in front, e.g. +46 70 123 45 67."
REQUIRED = "This field is required."
EMAIL = "Enter a valid email address."
URL = "Enter a valid URL."
WHOLE = "Give a whole number in digits, e.g. 3."
# a follow-up question left empty: what to do and why it is asked (not a bare "Please answer this question.")
PM_NEEDED = "Please answer this question: we ask because you answered “Yes” to “Are you experienced in project management?”."
MEETUPS_NEEDED = "Tick each meetup you might miss: we ask because you answered “No” to “Can you join all four modules?”."
INTEGER_KEYS = {"cluster_members", "years_as_manager"}
CHOICE_KINDS = {Question.Kind.CHOICE, Question.Kind.YES_NO, Question.Kind.COUNTRY, Question.Kind.MEETUPS,
                Question.Kind.MULTI_CHOICE}


def too_long(limit):
    return f"Ensure this value has at most {limit} characters (it has {limit + 1})."


def invalid_choice(value):
    return f"Select a valid choice. {value} is not one of the available choices."


def words(count):
    return " ".join(f"word{i}" for i in range(count))


def word_limit(limit, count):
    return f"Please keep this to {limit} words or fewer (it has {count})."



# (step, key, bad value (None: left out), the message next to the field, extra answers of the step)
BAD = [
    # about
    ("about", "first_name", "A" * 101, too_long(100), {}),
    ("about", "first_name", "", REQUIRED, {}),
    ("about", "first_name", "   ", REQUIRED, {}),
    ("about", "last_name", "V" * 101, too_long(100), {}),
    ("about", "last_name", None, REQUIRED, {}),
    ("about", "email", "aino(at)example.fi", EMAIL, {}),
    ("about", "email", "aino@", EMAIL, {}),
    ("about", "email", "a" * 250 + "@example.fi", "Ensure this value has at most 254 characters (it has 261).", {}),
    ("about", "email", "", REQUIRED, {}),
    ("about", "phone", "call me maybe", PHONE_MESSAGE, {}),
    ("about", "phone", "+46 70 123<script>", PHONE_MESSAGE, {}),
    ("about", "phone", "+46 " + "1" * 27, f"{PHONE_MESSAGE} {too_long(30)}", {}),
    ("about", "country_of_residence", "XX", invalid_choice("XX"), {}),
    ("about", "country_of_residence", "Finland", invalid_choice("Finland"), {}),
    ("about", "country_of_residence", "", REQUIRED, {}),
    ("about", "organisation", "O" * 201, too_long(200), {}),
    ("about", "organisation", "", REQUIRED, {}),
    ("about", "role", "R" * 201, too_long(200), {}),
    ("about", "role", None, REQUIRED, {}),
    ("about", "languages", "L" * 201, too_long(200), {}),
    ("about", "english_level", "klingon", invalid_choice("klingon"), {}),
    ("about", "english_level", None, REQUIRED, {}),
    # cluster
    ("cluster", "cluster_name", "C" * 201, too_long(200), {}),
    ("cluster", "cluster_name", "", REQUIRED, {}),
    ("cluster", "cluster_website", "not a web address", URL, {}),
    ("cluster", "cluster_website", "javascript:alert(1)", URL, {}),
    ("cluster", "cluster_website", "https://example.fi/" + "p" * 282, too_long(300), {}),
    ("cluster", "cluster_country", "ZZ", invalid_choice("ZZ"), {}),
    ("cluster", "cluster_country", "", REQUIRED, {}),
    ("cluster", "cluster_sector", "S" * 201, too_long(200), {}),
    ("cluster", "cluster_sector", "", REQUIRED, {}),
    ("cluster", "cluster_members", "forty", WHOLE, {}),
    ("cluster", "cluster_members", "12.5", WHOLE, {}),
    ("cluster", "cluster_members", "-1", "Give a whole number from 0 to 100000.", {}),
    ("cluster", "cluster_members", "100001", "Give a whole number from 0 to 100000.", {}),
    ("cluster", "cluster_members", "", REQUIRED, {}),
    ("cluster", "years_as_manager", "two", WHOLE, {}),
    ("cluster", "years_as_manager", "61", "Give a whole number from 0 to 60.", {}),
    ("cluster", "years_as_manager", None, REQUIRED, {}),
    ("cluster", "project_management", "maybe", invalid_choice("maybe"), {}),
    ("cluster", "project_management", None, REQUIRED, {}),
    ("cluster", "project_management_description", "", PM_NEEDED, {}),
    ("cluster", "project_management_description", words(151), word_limit(150, 151), {}),
    ("cluster", "project_management_description", "x" * 20001, too_long(20000), {}),
    # motivation
    ("motivation", "motivation_letter", words(501), word_limit(500, 501), {}),
    ("motivation", "motivation_letter", "x" * 20001, too_long(20000), {}),
    # availability
    ("availability", "can_join_all_modules", None, REQUIRED, {}),
    ("availability", "can_join_all_modules", "perhaps", invalid_choice("perhaps"), {}),
    ("availability", "meetups_might_miss", None, MEETUPS_NEEDED, {"can_join_all_modules": "no"}),
    ("availability", "meetups_might_miss", ["999999"], invalid_choice("999999"), {"can_join_all_modules": "no"}),
    ("availability", "meetups_might_miss", ["Karlshamn"], invalid_choice("Karlshamn"), {"can_join_all_modules": "no"}),
    ("availability", "availability_note", words(151), word_limit(150, 151), {"can_join_all_modules": "yes"}),
]


def case_id(case):
    step, key, value, _message, _extra = case
    shown = "missing" if value is None else (value if isinstance(value, str) else ",".join(value))
    return f"{key}={shown[:20]}"


class FormValues(HTMLParser):
    """What a re-rendered form shows: name -> list of values (checked boxes, selected options, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values: dict[str, list[str]] = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "hidden", "file"):
            if attrs.get("type") in ("radio", "checkbox"):
                if "checked" in attrs:
                    self.values.setdefault(name, []).append(attrs.get("value", "on"))
            else:
                self.values.setdefault(name, []).append(attrs.get("value", ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.setdefault(self._select, []).append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.values.setdefault(name, []).append("")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][-1] += data


def form_values(response) -> dict[str, list[str]]:
    parser = FormValues()
    parser.feed(response.content.decode())
    # Django starts a textarea with a newline that browsers drop
    return {k: [v[1:] if v.startswith("\n") else v for v in vs] for k, vs in parser.values.items()}


def error_text(response, field_id: str) -> str:
    """The text of the error paragraph ``<field_id>-error`` (there must be exactly one)."""
    page = response.content.decode()
    found = re.findall(rf'<p class="field__error" id="{re.escape(field_id)}-error">(.*?)</p>', page, re.S)
    assert len(found) == 1, f"no error next to {field_id}"
    return html.unescape(found[0])


def error_ids(response) -> list[str]:
    return re.findall(r'class="field__error" id="([^"]+)-error"', response.content.decode())


def stored(key, raw):
    """The value the draft keeps for a valid raw form value."""
    if key in INTEGER_KEYS:
        return int(raw)
    return raw


def meetup_ids():
    return [str(pk) for pk in Meetup.objects.order_by("starts_at").values_list("pk", flat=True)]


@pytest.mark.parametrize(("step", "key", "value", "message", "extra"), BAD, ids=[case_id(c) for c in BAD])
@pytest.mark.django_db
def test_bad_input_gets_a_message_next_to_the_field_and_nothing_typed_is_lost(
    applicant_client, call, step, key, value, message, extra
):
    applicant_client.post("/apply/begin/")
    application = Application.objects.get()
    payload = {**GOOD_ANSWERS[step], **extra}
    if value is None:
        payload.pop(key, None)
    else:
        payload[key] = value

    response = applicant_client.post(f"/apply/step/{step}/", payload)

    assert response.status_code == 200
    assert error_text(response, f"id_{key}") == message
    assert error_ids(response) == [f"id_{key}"]  # only this field is marked
    page = response.content.decode()
    assert re.search(rf'aria-describedby="[^"]*\bid_{key}-error\b', page), "the field does not point at its error"
    assert "There is a problem" in page and "What you typed is kept" in page
    assert re.search(rf'<div class="error-summary" role="alert"[^>]*autofocus>.*?<a href="#id_{key}(_0)?">', page, re.S)
    assert "<title>Error: " in page

    # everything typed is in the re-rendered form (a choice that does not exist cannot be ticked)
    shown = form_values(response)
    kinds = {q.key: q.kind for q in selectors.questions_for_step(call, step)}
    for name, typed in payload.items():
        if name == key and kinds[name] in CHOICE_KINDS:
            assert shown.get(name, []) in ([], [""])  # nothing ticked, or the empty "Choose a country"
            continue
        assert shown.get(name) == (typed if isinstance(typed, list) else [typed]), name

    # the valid answers of the step are in the draft, the bad one is not
    answers = selectors.answers_of(application)
    for name, typed in payload.items():
        if name != key:
            assert answers[name] == stored(name, typed), name
    assert answers.get(key) in (None, "", [])
    application.refresh_from_db()
    assert application.last_step == step


@pytest.mark.django_db
def test_leaving_with_bad_input_stays_on_the_form(applicant_client, call):
    applicant_client.post("/apply/begin/")
    payload = {**GOOD_ANSWERS["about"], "email": "nope", "action": "leave"}
    response = applicant_client.post("/apply/step/about/", payload)
    assert response.status_code == 200
    assert error_text(response, "id_email") == EMAIL
    assert selectors.answers_of(Application.objects.get())["first_name"] == "Aino"


@pytest.mark.django_db
def test_consent_must_be_accepted(applicant_client, call):
    applicant_client.post("/apply/begin/")
    response = applicant_client.post("/apply/step/consent/", {})
    assert response.status_code == 200
    assert error_text(response, "id_accept") == (
        "Please accept the privacy notice to apply: we cannot handle your application without it."
    )
    application = Application.objects.get()
    assert application.consent_version == "" and application.consent_at is None
    response = applicant_client.post("/apply/step/consent/", {"accept": "on"})
    assert response["Location"] == "/apply/review/"
    application.refresh_from_db()
    assert application.consent_version == call.privacy_version


@pytest.mark.django_db
def test_several_bad_fields_at_once_each_get_their_message(applicant_client, call):
    applicant_client.post("/apply/begin/")
    payload = {**GOOD_ANSWERS["cluster"], "cluster_members": "lots", "cluster_website": "www example",
               "cluster_country": ""}
    response = applicant_client.post("/apply/step/cluster/", payload)
    assert response.status_code == 200
    assert sorted(error_ids(response)) == ["id_cluster_country", "id_cluster_members", "id_cluster_website"]
    assert error_text(response, "id_cluster_members") == WHOLE
    assert error_text(response, "id_cluster_website") == URL
    assert error_text(response, "id_cluster_country") == REQUIRED
    answers = selectors.answers_of(Application.objects.get())
    assert answers["cluster_name"] == "EnergyVaasa" and answers["years_as_manager"] == 4
    assert "cluster_members" not in answers


# --- word limits ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_motivation_letter_may_have_exactly_the_calls_word_limit(applicant_client, call):
    applicant_client.post("/apply/begin/")
    assert call.motivation_word_limit == 500
    response = applicant_client.post("/apply/step/motivation/", {"motivation_letter": words(500)})
    assert response.status_code == 302
    assert selectors.answers_of(Application.objects.get())["motivation_letter"] == words(500)


@pytest.mark.django_db
def test_the_motivation_letter_follows_the_limit_set_on_the_call(applicant_client, call):
    call.motivation_word_limit = 50
    call.save()
    applicant_client.post("/apply/begin/")
    page = applicant_client.get("/apply/step/motivation/").content.decode()
    assert "At most 50 words." in page
    response = applicant_client.post("/apply/step/motivation/", {"motivation_letter": words(51)})
    assert response.status_code == 200
    assert error_text(response, "id_motivation_letter") == word_limit(50, 51)
    assert form_values(response)["motivation_letter"] == [words(51)]
    assert applicant_client.post("/apply/step/motivation/", {"motivation_letter": words(50)}).status_code == 302


@pytest.mark.django_db
def test_the_project_management_description_may_have_150_words(applicant_client, call):
    applicant_client.post("/apply/begin/")
    payload = {**GOOD_ANSWERS["cluster"], "project_management_description": words(150)}
    assert applicant_client.post("/apply/step/cluster/", payload).status_code == 302
    assert selectors.answers_of(Application.objects.get())["project_management_description"] == words(150)


# --- dependent questions --------------------------------------------------------------------------


@pytest.mark.django_db
def test_project_management_description_only_when_experienced(applicant_client, call):
    fill_all_steps(applicant_client)
    application = Application.objects.get()
    assert selectors.answers_of(application)["project_management_description"] == "I led three Interreg projects."
    page = applicant_client.get("/apply/step/cluster/").content.decode()
    assert 'data-depends-on="id_project_management" data-depends-value="yes"' in page

    # "no": not required, and what was written before is cleared
    payload = {**GOOD_ANSWERS["cluster"], "project_management": "no", "project_management_description": ""}
    assert applicant_client.post("/apply/step/cluster/", payload).status_code == 302
    answers = selectors.answers_of(application)
    assert answers["project_management"] == "no"
    assert answers["project_management_description"] is None
    review = applicant_client.get("/apply/review/").content.decode()
    assert "Describe your project management experience briefly" not in review

    # "no" with a description typed anyway: not kept either
    payload["project_management_description"] = "Some projects."
    assert applicant_client.post("/apply/step/cluster/", payload).status_code == 302
    assert selectors.answers_of(application)["project_management_description"] is None

    # "yes" again: now required
    payload = {**GOOD_ANSWERS["cluster"], "project_management_description": "  "}
    response = applicant_client.post("/apply/step/cluster/", payload)
    assert response.status_code == 200
    assert error_text(response, "id_project_management_description") == PM_NEEDED
    assert selectors.answers_of(application)["project_management"] == "yes"
    assert "Your cluster: Describe your project management experience briefly" in selectors.missing_items(application)


@pytest.mark.django_db
def test_a_dependent_answer_is_kept_while_the_question_it_depends_on_is_invalid(applicant_client, call):
    applicant_client.post("/apply/begin/")
    payload = {**GOOD_ANSWERS["cluster"], "project_management": "maybe"}
    response = applicant_client.post("/apply/step/cluster/", payload)
    assert response.status_code == 200
    assert error_ids(response) == ["id_project_management"]
    answers = selectors.answers_of(Application.objects.get())
    assert answers["project_management_description"] == "I led three Interreg projects."
    assert form_values(response)["project_management_description"] == ["I led three Interreg projects."]


@pytest.mark.django_db
def test_meetups_might_miss_only_when_not_joining_all_modules(applicant_client, call):
    fill_all_steps(applicant_client)
    application = Application.objects.get()
    ids = meetup_ids()
    assert len(ids) == 8
    page = applicant_client.get("/apply/step/availability/").content.decode()
    assert 'data-depends-on="id_can_join_all_modules" data-depends-value="no"' in page
    assert "Module 2, " in page and "Vaasa" in page  # the meetups are the edition's, in words

    payload = {"can_join_all_modules": "no", "meetups_might_miss": ids[2:4]}
    response = applicant_client.post("/apply/step/availability/", payload)
    assert response.status_code == 302
    answers = selectors.answers_of(application)
    assert answers["meetups_might_miss"] == ids[2:4]
    review = applicant_client.get("/apply/review/").content.decode()
    assert "Which meetups might you miss?" in review
    assert "Module 2, opening meetup: Vaasa, 30 Nov 2020; Module 2, closing meetup: Vaasa, 18 Feb 2021" in review

    # "yes": the meetups are cleared, even when some are still ticked
    payload = {"can_join_all_modules": "yes", "meetups_might_miss": ids[:1]}
    response = applicant_client.post("/apply/step/availability/", payload)
    assert response.status_code == 302
    assert selectors.answers_of(application)["meetups_might_miss"] == []
    assert "Which meetups might you miss?" not in applicant_client.get("/apply/review/").content.decode()


# --- script tags: stored as typed, never run --------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
TYPST = "#set page(width: 1pt) *bold* $x^2$ @ref"


@pytest.mark.django_db
def test_script_tags_are_stored_as_typed_and_shown_escaped_everywhere(
    applicant_client, applicant, call, run_tasks, django_capture_on_commit_callbacks
):
    fill_all_steps(applicant_client)
    application = Application.objects.get()
    about = {**GOOD_ANSWERS["about"], "first_name": SCRIPT, "organisation": IMG}
    cluster = {**GOOD_ANSWERS["cluster"], "cluster_name": TYPST}
    motivation = {"motivation_letter": f"Hello {SCRIPT}\n{IMG}"}

    # a step with an error re-renders the typed text escaped
    response = applicant_client.post("/apply/step/about/", {**about, "email": "bad"})
    assert response.status_code == 200
    page = response.content.decode()
    assert SCRIPT not in page and IMG not in page
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert form_values(response)["organisation"] == [IMG]

    for step, data in (("about", about), ("cluster", cluster), ("motivation", motivation)):
        assert applicant_client.post(f"/apply/step/{step}/", data).status_code == 302
    answers = selectors.answers_of(application)
    assert answers["first_name"] == SCRIPT
    assert answers["organisation"] == IMG
    assert answers["cluster_name"] == TYPST
    assert answers["motivation_letter"] == f"Hello {SCRIPT}\n{IMG}"

    review = applicant_client.get("/apply/review/").content.decode()
    assert "<script>alert" not in review and "<img src=x" not in review
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in review
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in review
    assert "Hello &lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;img" in review  # line breaks kept, markup not

    with django_capture_on_commit_callbacks(execute=True):
        assert applicant_client.post("/apply/submit/")["Location"] == "/apply/status/"
    assert run_tasks() == 1
    application.refresh_from_db()
    assert application.full_name == f"{SCRIPT} Virtanen"

    status = applicant_client.get("/apply/status/").content.decode()
    assert "<script>alert" not in status and "<img src=x" not in status
    assert "Submitted – under review" in status

    # the receipt mail is plain text with the answers as typed
    (receipt,) = mail.outbox
    assert receipt.content_subtype == "plain" and not getattr(receipt, "alternatives", [])
    assert f"Dear {SCRIPT} Virtanen," in receipt.body
    assert f"  {IMG}\n" in receipt.body
    assert f"  {TYPST}\n" in receipt.body
    assert f"  Hello {SCRIPT}\n{IMG}" in receipt.body

    # the PDF copy prints it literally (no typst markup run)
    pdf = applicant_client.get("/apply/receipt.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert SCRIPT in text
    assert IMG in text
    assert TYPST in text
    assert f"{SCRIPT} Virtanen" in text
    assert reader.pages[0].mediabox.width > 500  # "#set page(width: 1pt)" was not obeyed


@pytest.mark.django_db
def test_an_empty_step_marks_every_required_field(applicant_client, call):
    applicant_client.post("/apply/begin/")
    response = applicant_client.post("/apply/step/about/", {})
    assert response.status_code == 200
    assert sorted(error_ids(response)) == sorted(
        f"id_{key}" for key in ("first_name", "last_name", "email", "country_of_residence", "organisation", "role",
                                "english_level")
    )
    assert all(error_text(response, f"id_{key}") == REQUIRED for key in ("first_name", "english_level"))


@pytest.mark.django_db
def test_an_unknown_step_is_not_found(applicant_client, call):
    applicant_client.post("/apply/begin/")
    assert applicant_client.get("/apply/step/salary/").status_code == 404
    assert applicant_client.post("/apply/step/salary/", {"first_name": "X"}).status_code == 404


def test_a_required_follow_up_question_shows_the_asterisk(applicant_client, call):
    """A follow-up question shown by a condition is required when asked: its label says so like every other."""
    import re

    applicant_client.post("/apply/begin/")
    html = applicant_client.get("/apply/step/cluster/").content.decode()
    label = re.search(r'<label for="id_project_management_description">(.*?)</label>', html, re.S).group(1)
    assert 'class="field__req"' in label
