"""The participants of an edition as a spreadsheet (CSV and XLSX), with the project's formula-injection defence
(``campus.core.exports``: a leading apostrophe in the CSV, text cells with Excel's quote prefix in the
XLSX). Two queries however many participants."""

from datetime import UTC

from django.utils import timezone

from campus.core import exports

from . import selectors

HEADER = ["Name", "Email", "Phone", "Organisation", "Cluster", "Country", "Sector", "Application",
          "Participant since (UTC)", "Contact shown in the directory"]


def rows(edition) -> list[list[str]]:
    body = []
    for row in selectors.staff_rows(edition):
        since = row["since"].astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        body.append([row["name"], row["email"], row["phone"], row["organisation"], row["cluster"], row["country"],
                     row["sector"], row["reference"], since, "yes" if row["show_contact"] else "no"])
    return body


def filename(edition, extension: str) -> str:
    slug = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in edition.slug) or "edition"
    return f"{slug}-participants-{timezone.localdate().isoformat()}.{extension}"


def as_csv(edition) -> tuple[bytes, int]:
    body = rows(edition)
    return exports.csv_bytes([HEADER, *body]), len(body)


def as_xlsx(edition) -> tuple[bytes, int]:
    body = rows(edition)
    return exports.xlsx_bytes([HEADER, *body], title="Participants"), len(body)
