"""What the mails to applicants say about an application (the placeholders of the communications templates;
plain text: nothing the applicant typed is interpreted), and the PDF copy of the answers."""

from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from campus.core.pdf import render_pdf

from .models import Application
from .states import APPLICANT_LABELS


DOCUMENT_LABELS = {"cv": "CV", "letter": "Motivational letter"}


def _local(moment, call):
    return timezone.localtime(moment, call.zone).strftime("%-d %B %Y, %H:%M %Z")


def _answers_text(snapshot: dict) -> str:
    lines = []
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
    return "\n".join(lines)


def receipt_context(application: Application) -> dict:
    """The placeholders of the "received" mail (communications template; every value is plain text)."""
    call = application.call
    snapshot = application.snapshot
    return {
        "name": application.full_name,
        "reference": application.reference,
        "submitted_at": _local(application.submitted_at, call),
        "status": APPLICANT_LABELS[application.state],
        "decision_note": (f"You will hear from us by {call.decisions_expected_on:%-d %B %Y}."
                          if call.decisions_expected_on else ""),
        "answers": _answers_text(snapshot),
        "consent_version": snapshot.get("consent_version", ""),
    }


def more_information_context(application: Application) -> dict:
    """The placeholders of the "more information" mail."""
    return {
        "name": application.full_name,
        "reference": application.reference,
        "request": application.more_info_request,
        "reply_by": _local(application.deadline, application.call),
    }


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
        "name": application.full_name or application.applicant.full_name,
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
