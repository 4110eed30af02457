"""An applicant's whole journey in Chromium: sign up, confirm through the mail file, fill every step, upload a
CV, leave and resume, submit, follow the status, download the copy and the letter for the boss (PDFs opened
and read). Every page of the journey passes axe-core and loads nothing from another origin."""

import email
import io
import re
from datetime import timedelta
from email import policy

import pytest
import typst
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

EMAIL = "marta.kowalska@example.pl"
PASSWORD = "amber-harbour-lantern-73"
LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/\S+)")


@pytest.fixture
def mail_dir(settings, tmp_path):
    """Mail goes to .eml files, as in development (`var/mail/`)."""
    settings.EMAIL_BACKEND = "campus.core.mail.EmlFileBackend"
    settings.MAIL_DIR = tmp_path / "mail"
    return settings.MAIL_DIR


@pytest.fixture
def open_call(site):
    from campus.applications.models import Call

    call = Call.objects.get()
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=14)
    call.save()
    return call


def read_mails(mail_dir):
    return [email.message_from_bytes(path.read_bytes(), policy=policy.default) for path in sorted(mail_dir.glob("*.eml"))]


def checked(web, label):
    web.check_clean_load()
    web.check_axe(label=f"({label})")
    web.check_same_origin()


def save_and_continue(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue").click()


def pdf_text(download) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(open(download.path(), "rb").read())).pages)


def test_apply_from_sign_up_to_submitted(web, open_call, mail_dir, run_tasks, tmp_path):
    page = web.page
    web.goto("/apply/")
    expect(page.locator(".call-status")).to_have_text("Applications are open.")
    checked(web, "call page")

    # Sign up, then confirm through the link in the mail file.
    page.get_by_role("link", name="Create an account to apply").click()
    page.get_by_label("Given name").fill("Marta")
    page.get_by_label("Family name").fill("Kowalska")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    checked(web, "verification sent")
    assert run_tasks() == 1
    (confirmation,) = read_mails(mail_dir)
    assert confirmation["To"] == EMAIL
    path = LINK.search(confirmation.get_content()).group(1)
    web.goto(path)
    checked(web, "confirm email")
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm my email address").click()
    assert page.url.endswith("/apply/")

    # Start and fill "About you".
    with page.expect_navigation():
        page.get_by_role("button", name="Start your application").click()
    assert "/apply/step/about/" in page.url
    checked(web, "step about")
    page.get_by_label("First name").fill("Marta")
    page.get_by_label("Last name").fill("Kowalska")
    expect(page.get_by_label("Email address")).to_have_value(EMAIL)
    page.get_by_label("Country of residence").select_option("PL")
    page.get_by_label("Organisation").fill("Pomeranian ICT Cluster")
    page.get_by_label("Your role").fill("Cluster manager")
    page.get_by_label("Fluent (C1–C2)").check()
    save_and_continue(page)

    # "Your cluster": a mistake first (a number out of range), then leave with a draft.
    checked(web, "step cluster")
    page.get_by_label("Name of your cluster").fill("Pomeranian ICT")
    page.get_by_label("Country of the cluster").select_option("PL")
    page.get_by_label("Sector or field").fill("ICT")
    page.get_by_label("Number of members").fill("-5")
    page.get_by_label("Years as a cluster manager or in a managing role in a cluster").fill("6")
    page.get_by_role("radio", name="Yes", exact=True).check()
    expect(page.get_by_label("Describe your project management experience briefly")).to_be_visible()
    page.get_by_label("Describe your project management experience briefly").fill("Two Interreg projects.")
    save_and_continue(page)
    expect(page.locator("#id_cluster_members-error")).to_contain_text("Give a whole number from 0 to")
    expect(page.get_by_label("Name of your cluster")).to_have_value("Pomeranian ICT")
    checked(web, "step cluster with an error")
    page.get_by_label("Number of members").fill("85")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft and leave").click()
    assert page.url.endswith("/apply/status/")
    expect(page.locator(".status-label")).to_have_text("Not submitted yet")
    checked(web, "status of a draft")

    # Resume later: a new browser context (another device), signing in again.
    web.context.clear_cookies()
    web.goto("/accounts/login/?next=/apply/status/")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Continue your application").click()
    assert "/apply/step/motivation/" in page.url  # the first unfinished step ("Your cluster" is complete)
    web.goto("/apply/step/cluster/")  # what was saved is there on the other device
    expect(page.get_by_label("Number of members")).to_have_value("85")
    save_and_continue(page)

    # Motivation, CV upload, availability, privacy.
    checked(web, "step motivation")
    page.get_by_label("Your motivational letter").fill("I want to build a strategy with our members <and> learn from peers.")
    save_and_continue(page)
    checked(web, "step cv")
    cv = tmp_path / "Marta CV.pdf"
    cv.write_bytes(typst.compile(b"= Marta Kowalska\nCluster manager since 2018.", format="pdf"))
    page.get_by_label("Your CV").set_input_files(str(cv))
    save_and_continue(page)
    checked(web, "step availability")
    page.get_by_role("radio", name="No", exact=True).check()
    expect(page.get_by_text("Which meetups might you miss?")).to_be_visible()
    page.get_by_label(re.compile(r"Module 2, closing meetup")).check()
    save_and_continue(page)
    checked(web, "step privacy")
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    save_and_continue(page)

    # Review and submit.
    assert page.url.endswith("/apply/review/")
    checked(web, "review")
    main = page.locator("main")
    expect(main).to_contain_text("Pomeranian ICT")
    expect(main).to_contain_text("Marta CV.pdf")
    expect(main).to_contain_text("learn from peers")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit your application").click()
    assert page.url.endswith("/apply/status/")
    expect(page.locator(".status-label")).to_have_text("Submitted – under review")
    checked(web, "status after submit")
    web.set_width(375)
    web.check_narrow()
    web.check_axe(label="(status, 375 px)")
    web.set_width(1280, 900)

    # The receipt mail (a file), the copy and the letter as PDFs.
    run_tasks()
    receipt = [m for m in read_mails(mail_dir) if "We received your application" in m["Subject"]]
    assert len(receipt) == 1 and "Pomeranian ICT" in receipt[0].get_content()
    with page.expect_download() as copy:
        page.get_by_role("link", name="Download a copy of your submitted application (PDF)").click()
    text = pdf_text(copy.value)
    assert "Marta Kowalska" in text and "Pomeranian ICT" in text and "Module 2" in text

    with page.expect_navigation():
        page.get_by_role("link", name="Letter for your employer (PDF)").click()
    checked(web, "boss letter form")
    expect(page.get_by_label("Your name")).to_have_value("Marta Kowalska")
    page.get_by_label("Your manager's name").fill("Jan Nowak")
    with page.expect_download() as letter:
        page.get_by_role("button", name="Download the letter (PDF)").click()
    text = pdf_text(letter.value)
    for fact in ("Marta Kowalska", "Pomeranian ICT Cluster", "Dear Jan Nowak", "Karlshamn", "Vaasa", "Kaunas", "Wildau"):
        assert fact in text, fact
