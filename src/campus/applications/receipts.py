"""The texts of the mails to applicants (plain text: nothing the applicant typed is interpreted)."""

from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from campus.core.pdf import render_pdf

from .models import Application
from .states import APPLICANT_LABELS


DOCUMENT_LABELS = {"cv": "CV", "letter": "Motivational letter"}


def _local(moment, call):
    return timezone.localtime(moment, call.zone).strftime("%-d %B %Y, %H:%M %Z")


def receipt_message(application: Application) -> tuple[str, str]:
    call = application.call
    programme = call.edition.programme
    snapshot = application.snapshot
    lines = [
        f"Dear {application.full_name or application.applicant.email},",
        "",
        f"thank you for applying to the {programme.name} {call.edition.name}.",
        f"We received your application {application.reference} on {_local(application.submitted_at, call)}.",
        "",
        f"Status: {APPLICANT_LABELS[application.state]}.",
    ]
    if call.decisions_expected_on:
        lines.append(f"You will hear from us by {call.decisions_expected_on:%-d %B %Y}.")
    lines += ["", "A copy of your answers:", ""]
    step = None
    for item in snapshot.get("answers", []):
        if item["step"] != step:
            step = item["step"]
            lines.append(f"== {dict(_steps())[step]} ==")
        lines.append(f"{item['label']}")
        lines.append(f"  {item['display'] or '-'}")
    for document in snapshot.get("documents", []):
        kind = DOCUMENT_LABELS.get(document["kind"], document["kind"])
        lines.append(f"Uploaded {kind}: {document['name']} ({document['size']:,} bytes)")
    lines += [
        "",
        f"Privacy notice accepted: version {snapshot.get('consent_version', '')}.",
        "",
        "You can follow your application, download this copy and withdraw it on your status page.",
        "",
        f"The {programme.short_name} team",
    ]
    return f"We received your application {application.reference}", "\n".join(lines) + "\n"


def more_information_message(application: Application) -> tuple[str, str]:
    call = application.call
    programme = call.edition.programme
    body = (
        f"Dear {application.full_name or application.applicant.email},\n\n"
        f"the {programme.short_name} team asks for more information about your application {application.reference}:\n\n"
        f"{application.more_info_request}\n\n"
        f"Please sign in, correct your application and submit it again by {_local(application.deadline, call)}.\n\n"
        f"The {programme.short_name} team\n"
    )
    return f"Action required: more information for application {application.reference}", body


def _steps():
    from .models import Question

    return Question.Step.choices


RECEIPT_TEMPLATE = Path(__file__).resolve().parent / "typst" / "receipt.typ"


def receipt_data(application: Application) -> dict:
    """The frozen snapshot, shaped for the PDF (every value a string: typst prints it as text)."""
    call = application.call
    snapshot = application.snapshot
    labels = dict(_steps())
    sections: dict[str, dict] = {}
    for item in snapshot.get("answers", []):
        section = sections.setdefault(item["step"], {"label": labels.get(item["step"], item["step"]), "items": []})
        section["items"].append({"label": item["label"], "display": item["display"] or "–"})
    return {
        "programme": f"{call.edition.programme.name} {call.edition.name}",
        "call": call.title,
        "reference": application.reference,
        "name": application.full_name or application.applicant.email,
        "submitted_at": _local(application.submitted_at, call) if application.submitted_at else "",
        "status": APPLICANT_LABELS[application.state],
        "sections": list(sections.values()),
        "documents": [
            {"label": DOCUMENT_LABELS.get(d["kind"], d["kind"]), "name": d["name"],
             "size": str(filesizeformat(d["size"]))}
            for d in snapshot.get("documents", [])
        ],
        "consent_version": snapshot.get("consent_version", ""),
    }


def receipt_pdf(application: Application) -> bytes:
    return render_pdf(RECEIPT_TEMPLATE, data=receipt_data(application))
