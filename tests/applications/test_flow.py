import pytest
from django.core import mail

from campus.applications.models import Application, Document

from .conftest import fill_all_steps


@pytest.mark.django_db
def test_whole_application_submitted_once_with_one_receipt(applicant_client, call, run_tasks, django_capture_on_commit_callbacks):
    fill_all_steps(applicant_client)
    application = Application.objects.get()
    assert application.state == "draft"
    assert application.eligibility == "eligible", application.eligibility_reasons
    review = applicant_client.get("/apply/review/")
    assert review.status_code == 200
    assert "EnergyVaasa" in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        first = applicant_client.post("/apply/submit/")
        second = applicant_client.post("/apply/submit/")
    assert first.status_code == second.status_code == 302
    application.refresh_from_db()
    assert application.state == "submitted"
    assert application.snapshot["answers"]
    assert run_tasks() >= 1
    receipts = [m for m in mail.outbox if application.reference in m.subject]
    assert len(receipts) == 1
    assert "EnergyVaasa" in receipts[0].body
    status = applicant_client.get("/apply/status/").content.decode()
    assert "Submitted – under review" in status
    pdf = applicant_client.get("/apply/receipt.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert Document.objects.filter(application=application, kind="cv").count() == 1
