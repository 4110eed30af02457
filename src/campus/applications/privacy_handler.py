"""What the applications app holds about a person, for subject access and erasure (registered in plugin.py):
applications, their answers and files, the consents given; it finds the person's applications for the
handlers that follow (``Person.applications``)."""

from campus.core.models import ActivityLog
from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, plural

from . import retention, selectors, services
from .models import Answer, Application, Document, Question

NAME_KEYS = ("first_name", "last_name", "full_name", "name")
LABEL = Application._meta.label_lower


def applications_of(subject):
    if subject.user is None:
        return Application.objects.none()
    return (Application.objects.filter(applicant=subject.user).select_related("call__edition")
            .order_by("created_at", "id"))


def _entry(application, answers, documents, files) -> dict:
    entry = {
        "reference": application.reference,
        "call": application.call.title,
        "state": application.state,
        "created_at": iso(application.created_at),
        "submitted_at": iso(application.submitted_at),
        "withdrawn_at": iso(application.withdrawn_at),
        "answers": answers.get(application.pk, {}),
        "submitted_copy": application.snapshot,
        "consent_version": application.consent_version,
        "eligibility": {"status": application.eligibility, "reasons": application.eligibility_reasons},
        "more_information_requested": application.more_info_request,
        "documents": [],
    }
    for document in documents.get(application.pk, []):
        name = f"{application.reference}/{document.kind}-{document.original_name}"
        files.append((name, document.file))
        entry["documents"].append({"kind": document.kind, "file": name, "sha256": document.sha256,
                                   "uploaded_at": iso(document.uploaded_at)})
    return entry


class ApplicationsHandler(PrivacyHandler):
    key, order = "applications", 20

    def prepare(self, person: Person):
        person.applications = list(applications_of(person.subject))
        person.add_targets(person.applications, admin_log=True)
        for application in person.applications:
            person.target_names[(LABEL, str(application.pk))] = f"application {application.reference}"

    def export(self, person: Person):
        applications = person.applications
        documents: dict[int, list] = {}
        for document in Document.objects.filter(application__in=applications).order_by("kind"):
            documents.setdefault(document.application_id, []).append(document)
        answers = selectors.answers_by_application(applications)
        files: list = []
        entries = [_entry(application, answers, documents, files) for application in applications]
        consents = [
            {"application": a.reference, "privacy_notice_version": a.consent_version,
             "accepted_at": iso(a.consent_at)}
            for a in applications if a.consent_version
        ]
        return {"applications": entries, "consents": consents}, files

    def summary(self, subject):
        applications = applications_of(subject)
        return {"applications": applications.count(),
                "documents": Document.objects.filter(application__in=applications).count()}

    def identifiers(self, person: Person):
        """Names: the applications' and the answers to name questions; details: organisations, phones,
        addresses and other names typed (anyone can type anyone's)."""
        names = {a.full_name for a in person.applications}
        details = {a.organisation for a in person.applications}
        rows = Answer.objects.filter(application__in=person.applications).values_list(
            "question__key", "question__kind", "value")
        for key, kind, value in rows:
            if not isinstance(value, str) or not value.strip():
                continue
            if key in NAME_KEYS:
                names.add(value)
            elif kind in (Question.Kind.PHONE, Question.Kind.EMAIL) or "name" in key or key == "organisation":
                details.add(value)
        return names, details

    def owner_names(self, row):
        """The recipient of a mail, the applicant of a review's (or a log entry's) application, with the names
        of their applications: a namesake of the person erased keeps their own name in their own rows."""
        user = getattr(row, "recipient", None)
        application = getattr(row, "application", None)
        if application is None and isinstance(row, ActivityLog) and row.target_type == LABEL:
            application = Application.objects.filter(pk=row.target_id).select_related("applicant").first()
        if application is not None:
            user = application.applicant
        names = [getattr(user, "full_name", "")]
        if application is not None:
            names.append(application.full_name)
        elif user is not None:
            names += list(Application.objects.filter(applicant=user).values_list("full_name", flat=True))
        return [n for n in names if n]

    def plan(self, person: Person):
        ids = person.application_ids
        return {"documents": list(Document.objects.filter(application_id__in=ids).order_by("application_id", "kind")),
                "answers": Answer.objects.filter(application_id__in=ids).count()}

    def describe(self, part, person):
        return [Section(
            "Applications", "answers and files deleted; name, organisation, country and the submitted copy cleared",
            [f"{a.reference} ({a.call.title}, {a.get_state_display()}): "
             + plural(sum(d.application_id == a.pk for d in part["documents"]), "file") for a in person.applications],
            order=20)]

    def erase(self, part, person):
        return services.anonymise_applications(applications=person.application_ids, documents=part["documents"])

    def purge(self, *, now, dry_run, months_of, retained):
        return retention.purge_expired_documents(now=now, dry_run=dry_run, months_of=months_of,
                                                 retained=retained.get("applications", []))
